import { API_ENUMS } from "../../dashboard/shared/api-enums";
import { registerDescribedEnum } from "../../graphql/described-enum";
import { stringEnum, type EnumValue } from "../../string-enum";

// The values are the web app's lists (src/dashboard/shared is compiled by both sides).
export const GroupDimension = stringEnum(API_ENUMS.GroupDimension);
export type GroupDimension = EnumValue<typeof GroupDimension>;

export const TimeGranularity = stringEnum(API_ENUMS.TimeGranularity);
export type TimeGranularity = EnumValue<typeof TimeGranularity>;

export const GroupOrder = stringEnum(API_ENUMS.GroupOrder);
export type GroupOrder = EnumValue<typeof GroupOrder>;

registerDescribedEnum(
  GroupDimension,
  "GroupDimension",
  'What emails are grouped by. A missing or empty value is a group of its own: key null, label "(unknown)".',
  {
    SENDER: "MetadataFrom, exactly as stored.",
    SENDER_PERSON:
      'SenderPersonId; labelled with the Persons.csv name when there is one, else "Person <id>".',
    RECIPIENT:
      "Each recipient in EmailReceivers.csv (key: the PersonId). An email counts in the group of every one of its recipients, so these groups do not sum to the total; emails without a recipient row (all of them when EmailReceivers.csv was not loaded) form the null group.",
    SENT: "MetadataDateSent in UTC, truncated to `granularity`: 2012-09-12 (DAY), 2012-W37 (ISO week), 2012-09, 2012-Q3, 2012.",
    RELEASE: "ExtractedReleaseInPartOrFull, as stored.",
    DOCUMENT_CLASS: "MetadataDocumentClass, as stored.",
    CASE_NUMBER: "MetadataCaseNumber, as stored.",
  },
);

registerDescribedEnum(
  TimeGranularity,
  "TimeGranularity",
  "Bucket size of the SENT dimension (UTC).",
  { WEEK: "ISO 8601 week, Monday to Sunday; key YYYY-Www of the ISO week-year." },
);

registerDescribedEnum(
  GroupOrder,
  "GroupOrder",
  "Order of groups. Ties, and the key orders, go by key: numerically for person ids, by code point otherwise, with the null group last.",
  {
    TOTAL_DESC: "Largest total first (capitals, or the ordering metric).",
    TOTAL_ASC: "Smallest total first.",
    COUNT_DESC: "Most emails first.",
    RATIO_DESC: "Highest total per character first (capitalRatio for capital stats).",
    KEY_ASC: "Keys ascending; for SENT, oldest first.",
    KEY_DESC: "Keys descending; the null group still last.",
  },
);
