import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { getSession } from "../session.js";
import { keepEditorTabsAccessible } from "./accessibility.js";

// The offline explorer: GraphiQL bundled from npm (editor, docs, history), queries and
// mutations over HTTP, subscriptions over graphql-ws. The Headers tab is sent with both: over
// graphql-ws its entries become the connection parameters (`Authorization` included).
const origin = `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}`;
const fetcher = createGraphiQLFetcher({ url: "/graphql", subscriptionUrl: `${origin}/graphql` });

// Signed in to the console in this tab: start with its token in the Headers tab.
const session = getSession();
const defaultHeaders = JSON.stringify(session ? { Authorization: `Bearer ${session.accessToken}` } : { Authorization: "Bearer <token from npm run token>" }, null, 2);

const defaultQuery = `# Welcome to the authgate explorer. It works offline: everything it needs is served by the gateway.
# Put a bearer token in the Headers tab (npm run token -- --user avery.howard@wingtiptoysonline.com),
# then run a query, a mutation or a subscription (subscriptions use graphql-ws).
query Me {
  me {
    userPrincipalName
    authentication {
      methods {
        id
        ... on PhoneAuthenticationMethod { phoneNumber phoneType smsSignInState }
      }
    }
  }
}
`;

// Shareable links: /explorer?query=...&variables=... opens with that operation.
const params = new URLSearchParams(location.search);
const linked = { initialQuery: params.get("query") ?? undefined, initialVariables: params.get("variables") ?? undefined };

const root = document.getElementById("root")!;
keepEditorTabsAccessible(root);
createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={defaultQuery}
      {...linked}
      initialHeaders={defaultHeaders}
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>
        <a className="explorer-home" href="/">
          authgate explorer
        </a>
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
