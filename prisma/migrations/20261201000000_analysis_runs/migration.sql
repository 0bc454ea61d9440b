-- CreateTable
CREATE TABLE "AnalysisRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "status" TEXT NOT NULL,
    "metricsMask" INTEGER NOT NULL,
    "strategy" TEXT NOT NULL,
    "workers" INTEGER,
    "chunkSize" INTEGER,
    "filter" TEXT,
    "corpusVersion" INTEGER,
    "emailCount" INTEGER,
    "emailsDone" INTEGER NOT NULL DEFAULT 0,
    "totalCapitals" BIGINT,
    "totalLowercase" BIGINT,
    "totalDigits" BIGINT,
    "totalWhitespace" BIGINT,
    "totalWords" BIGINT,
    "totalLines" BIGINT,
    "totalCharacters" BIGINT,
    "summaries" TEXT,
    "execution" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "AnalysisResult" (
    "runId" INTEGER NOT NULL,
    "emailId" INTEGER NOT NULL,
    "capitals" INTEGER,
    "lowercase" INTEGER,
    "digits" INTEGER,
    "whitespace" INTEGER,
    "words" INTEGER,
    "lines" INTEGER,
    "characters" INTEGER,

    PRIMARY KEY ("runId", "emailId"),
    CONSTRAINT "AnalysisResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AnalysisRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AnalysisRun_status_id_idx" ON "AnalysisRun"("status", "id");

