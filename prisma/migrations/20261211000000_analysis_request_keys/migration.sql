-- CreateTable
CREATE TABLE "AnalysisRequestKey" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "runId" INTEGER NOT NULL,
    CONSTRAINT "AnalysisRequestKey_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AnalysisRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AnalysisRequestKey_runId_key" ON "AnalysisRequestKey"("runId");
