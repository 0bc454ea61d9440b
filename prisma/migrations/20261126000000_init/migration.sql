-- CreateTable
CREATE TABLE "Email" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "DocNumber" TEXT,
    "MetadataSubject" TEXT,
    "MetadataTo" TEXT,
    "MetadataFrom" TEXT,
    "SenderPersonId" INTEGER,
    "MetadataDateSent" DATETIME,
    "MetadataDateReleased" DATETIME,
    "MetadataPdfLink" TEXT,
    "MetadataCaseNumber" TEXT,
    "MetadataDocumentClass" TEXT,
    "ExtractedSubject" TEXT,
    "ExtractedTo" TEXT,
    "ExtractedFrom" TEXT,
    "ExtractedCc" TEXT,
    "ExtractedDateSent" TEXT,
    "ExtractedCaseNumber" TEXT,
    "ExtractedDocNumber" TEXT,
    "ExtractedDateReleased" TEXT,
    "ExtractedReleaseInPartOrFull" TEXT,
    "ExtractedBodyText" TEXT,
    "RawText" TEXT NOT NULL,
    "RawTextBytes" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Corpus" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "version" INTEGER NOT NULL,
    "emailCount" INTEGER NOT NULL,
    "totalBytes" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "loadedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Email_MetadataDateSent_idx" ON "Email"("MetadataDateSent");

-- CreateIndex
CREATE INDEX "Email_SenderPersonId_idx" ON "Email"("SenderPersonId");

