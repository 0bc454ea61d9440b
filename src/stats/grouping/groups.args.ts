import { ArgsType, Field } from "type-graphql";
import { BadUserInputError } from "../../errors/client-errors";
import { LIMITS } from "../../graphql/limits";
import { PageArgs } from "../../graphql/page.args";
import { TextMetric } from "../../graphql/text-metric.type";
import { GroupDimension, GroupOrder, TimeGranularity } from "./group-enums";

@ArgsType()
export class GroupsArgs extends PageArgs {
  @Field(() => GroupDimension)
  by!: GroupDimension;

  @Field(() => TimeGranularity, {
    defaultValue: TimeGranularity.MONTH,
    description: "Bucket size when by is SENT; ignored otherwise.",
  })
  granularity: TimeGranularity = TimeGranularity.MONTH;

  @Field(() => Boolean, {
    defaultValue: false,
    description: `SENT only: every bucket between the first and the last, with zeros where no email was sent (at most ${LIMITS.groupBuckets.max} buckets).`,
  })
  fillGaps: boolean = false;

  @Field(() => GroupOrder, { defaultValue: GroupOrder.TOTAL_DESC })
  orderBy: GroupOrder = GroupOrder.TOTAL_DESC;

  override validate(): void {
    super.validate();
    if (this.fillGaps && this.by !== GroupDimension.SENT) {
      throw new BadUserInputError(`fillGaps applies to by: SENT only (got by: ${this.by})`, {
        argument: "fillGaps",
      });
    }
  }
}

@ArgsType()
export class MetricGroupsArgs extends GroupsArgs {
  @Field(() => TextMetric, {
    nullable: true,
    description:
      "The metric TOTAL_* and RATIO_DESC order by (RATIO_DESC: its total per CHARACTERS, which must be among the metrics). Default: the first metric.",
  })
  orderMetric?: TextMetric | null;
}
