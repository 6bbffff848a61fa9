//! Live Agent's OData analytics service: `GET /{version}/odata/{Collection}` on its own host
//! (see [`crate::odata`]). Administrators only; the user's access token goes as a bearer token.

use crate::odata::Filter;

/// One params struct a collection: the service's query options, the same for each.
macro_rules! odata_params {
    ($($name:ident),* $(,)?) => {$(
        params! {
            /// A query of one OData collection: which rows (`filter`), which fields (`select`),
            /// in which order (`orderby`), and which page (`skip`, `top`). `paginate` reads
            /// every page.
            pub struct $name {
                /// The service's version (`v1.0`, `v1.1`, `v2.0`); defaults to the client's
                /// (`odataVersion`, else `v1.0`).
                path version: Option<String>,
                /// The rows to read: typed conditions, rendered and escaped as OData's `$filter`.
                query filter: Option<Filter>,
                /// The fields to read (all when left out): `$select`.
                query select: Option<Vec<String>>,
                /// The order: fields, each optionally followed by `asc` or `desc` (`$orderby`).
                /// Give one for stable pages; the service has no default order.
                query orderby: Option<Vec<String>>,
                /// Related records to embed (`$expand`).
                query expand: Option<Vec<String>>,
                /// Rows a page, 1 to 10,000 (`$top`); default 1,000.
                query top: Option<u64>,
                /// Rows to skip (`$skip`); default 0.
                query skip: Option<u64>,
            }
        }
    )*};
}

odata_params!(
    QueryOdataMessagesParams,
    QueryOdataConversationsParams,
    QueryOdataInboxesParams,
    QueryOdataLabelsParams,
    QueryOdataUsersParams,
    QueryOdataReportingEventsParams,
    QueryOdataTeamsParams,
    QueryOdataAgentAvailabilityRecordsParams,
);
