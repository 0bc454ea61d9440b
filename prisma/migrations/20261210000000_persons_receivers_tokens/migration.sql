-- AlterTable
ALTER TABLE "AnalysisRun" ADD COLUMN "tokenHash" TEXT;

-- CreateTable
CREATE TABLE "Person" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT
);

-- CreateTable
CREATE TABLE "Alias" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "Alias" TEXT NOT NULL,
    "PersonId" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "EmailReceiver" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "EmailId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    CONSTRAINT "EmailReceiver_EmailId_fkey" FOREIGN KEY ("EmailId") REFERENCES "Email" ("Id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Alias_PersonId_idx" ON "Alias"("PersonId");

-- CreateIndex
CREATE INDEX "EmailReceiver_EmailId_idx" ON "EmailReceiver"("EmailId");

-- CreateIndex
CREATE INDEX "EmailReceiver_PersonId_idx" ON "EmailReceiver"("PersonId");

