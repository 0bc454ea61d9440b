import type { GraphQLClient } from "../api/graphql-client";
import type { SubscriptionClient } from "../api/subscriptions";
import type { ViewState } from "../../shared/view-state";
import type { Activity } from "../ui/activity";
import type { TokenStore } from "./token-store";

/** What every panel is built with (constructor injection; no module-level state). */
export interface AppContext {
  api: GraphQLClient;
  ws: SubscriptionClient;
  activity: Activity;
  tokens: TokenStore;
  view(): ViewState;
  /** Pushes a history entry with the changed view and renders it. */
  navigate(change: (view: ViewState) => ViewState): void;
}

/** A panel: its element, and how it follows the view. */
export interface ViewPanel {
  readonly el: HTMLElement;
  /** Resolves when the panel's data for `view` has loaded (or failed). */
  update(view: ViewState, previous: ViewState | null): Promise<void> | void;
}
