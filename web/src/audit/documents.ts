import { graphql } from "../graphql.js";

export const AuditLogEventFields = graphql(`
  fragment AuditLogEventFields on AuditEvent {
    id
    occurredDateTime
    activity
    outcome
    actor {
      type
      id
      displayName
    }
    targetUserId
    targetId
    clientAddress
    requestId
    detail
  }
`);

export const AuditLogEvents = graphql(`
  query AuditLogEvents($filter: AuditEventFilter, $first: Int!, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...AuditLogEventFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AuditLogEventRecorded = graphql(`
  subscription AuditLogEventRecorded($filter: AuditEventFilter) {
    auditEventRecorded(filter: $filter) {
      ...AuditLogEventFields
    }
  }
`);

/** A user name (or id) to the user's id, for the "User" filter. */
export const AuditLogUser = graphql(`
  query AuditLogUser($id: ID!) {
    user(id: $id) {
      id
      userPrincipalName
      displayName
    }
  }
`);
