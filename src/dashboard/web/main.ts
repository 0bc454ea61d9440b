import { GraphQLClient } from "./api/graphql-client";
import { SubscriptionClient } from "./api/subscriptions";
import type { AppContext } from "./app/context";
import { Dashboard } from "./app/dashboard";
import { ViewRouter } from "./app/router";
import { TokenStore } from "./app/token-store";
import { Activity } from "./ui/activity";

/** Same origin only: the page talks to the server that served it, over HTTP and WebSocket. */
function start(): void {
  const root = document.getElementById("app");
  if (!root) throw new Error("the page has no #app element");
  const tokens = new TokenStore(window.sessionStorage);
  const wsUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
  const ws = new SubscriptionClient(wsUrl, () => tokens.get());
  // A new token must reach the server: the next subscription opens a connection with it.
  tokens.onChange(() => ws.reset());
  const router = new ViewRouter(window);
  const ctx: AppContext = {
    api: new GraphQLClient("/graphql", () => tokens.get()),
    ws,
    activity: new Activity(document.documentElement),
    tokens,
    view: () => router.view,
    navigate: (change) => router.navigate(change),
  };
  const dashboard = new Dashboard(ctx);
  dashboard.mount(root);
  router.listen((view, previous) => dashboard.update(view, previous));
}

start();
