import { registerEnumType } from "type-graphql";

export enum GroupDimension {
  SENDER = "SENDER",
  SENDER_PERSON = "SENDER_PERSON",
  RECIPIENT = "RECIPIENT",
  SENT = "SENT",
  RELEASE = "RELEASE",
  DOCUMENT_CLASS = "DOCUMENT_CLASS",
  CASE_NUMBER = "CASE_NUMBER",
}

export enum TimeGranularity {
  DAY = "DAY",
  WEEK = "WEEK",
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
}

export enum GroupOrder {
  TOTAL_DESC = "TOTAL_DESC",
  TOTAL_ASC = "TOTAL_ASC",
  COUNT_DESC = "COUNT_DESC",
  RATIO_DESC = "RATIO_DESC",
  KEY_ASC = "KEY_ASC",
  KEY_DESC = "KEY_DESC",
}

registerEnumType(GroupDimension, {
  name: "GroupDimension",
  description:
    'What emails are grouped by. A missing or empty value is a group of its own: key null, label "(unknown)".',
  valuesConfig: {
    SENDER: { description: "MetadataFrom, exactly as stored." },
    SENDER_PERSON: {
      description:
        'SenderPersonId; labelled with the Persons.csv name when there is one, else "Person <id>".',
    },
    RECIPIENT: {
      description:
        "Each recipient in EmailReceivers.csv (key: the PersonId). An email counts in the group of every one of its recipients, so these groups do not sum to the total; emails without a recipient row (all of them when EmailReceivers.csv was not loaded) form the null group.",
    },
    SENT: {
      description:
        "MetadataDateSent in UTC, truncated to `granularity`: 2012-09-12 (DAY), 2012-W37 (ISO week), 2012-09, 2012-Q3, 2012.",
    },
    RELEASE: { description: "ExtractedReleaseInPartOrFull, as stored." },
    DOCUMENT_CLASS: { description: "MetadataDocumentClass, as stored." },
    CASE_NUMBER: { description: "MetadataCaseNumber, as stored." },
  },
});

registerEnumType(TimeGranularity, {
  name: "TimeGranularity",
  description: "Bucket size of the SENT dimension (UTC).",
  valuesConfig: {
    WEEK: { description: "ISO 8601 week, Monday to Sunday; key YYYY-Www of the ISO week-year." },
  },
});

registerEnumType(GroupOrder, {
  name: "GroupOrder",
  description:
    "Order of groups. Ties, and the key orders, go by key: numerically for person ids, by code point otherwise, with the null group last.",
  valuesConfig: {
    TOTAL_DESC: { description: "Largest total first (capitals, or the ordering metric)." },
    TOTAL_ASC: { description: "Smallest total first." },
    COUNT_DESC: { description: "Most emails first." },
    RATIO_DESC: {
      description: "Highest total per character first (capitalRatio for capital stats).",
    },
    KEY_ASC: { description: "Keys ascending; for SENT, oldest first." },
    KEY_DESC: { description: "Keys descending; the null group still last." },
  },
});
