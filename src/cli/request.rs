//! The request flags `hash` and `invoke` share, and their own flags.

use clap::Args;

/// The hashed fields of a request, shared verbatim by `hash` and `invoke`.
/// Every value accepts `@FILE` (contents, byte for byte), `@-` (stdin) and `@@…` (a value
/// that starts with `@`).
#[derive(Debug, Args, Clone, Default)]
pub(crate) struct RequestArgs {
    /// requestURL: the URL to call (`invoke` joins a leading `/` to the profile's base URL;
    /// `hash` signs it as given)
    #[arg(long = "request-url", visible_alias = "url", value_name = "URL")]
    pub request_url: Option<String>,

    /// requestType: GET, POST, PUT, PATCH or DELETE
    #[arg(long = "request-type", short = 'X', value_name = "METHOD")]
    pub request_type: Option<String>,

    /// queryParams: a JSON object, sent and hashed as given
    #[arg(long = "query-params", value_name = "JSON", conflicts_with = "query")]
    pub query_params: Option<String>,

    /// Builds queryParams as a compact JSON object, in the order given
    #[arg(long = "query", value_name = "NAME=VALUE")]
    pub query: Vec<String>,

    /// postBody: the body to send, as given
    #[arg(long = "post-body", value_name = "BODY")]
    pub post_body: Option<String>,

    /// headers: a JSON object, sent and hashed as given
    #[arg(long = "headers", value_name = "JSON", conflicts_with = "header")]
    pub headers: Option<String>,

    /// Builds headers as a compact JSON object, in the order given
    #[arg(short = 'H', long = "header", value_name = "'Name: value'")]
    pub header: Vec<String>,

    /// connectionLinkName: a Desk connection whose auth Desk applies
    #[arg(
        long = "connection-link-name",
        visible_alias = "connection",
        value_name = "NAME"
    )]
    pub connection_link_name: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct HashArgs {
    #[command(flatten)]
    pub request: RequestArgs,

    /// Print the stringToHash instead of the HASH
    #[arg(long)]
    pub canonical: bool,
}

#[derive(Debug, Args)]
pub(crate) struct InvokeArgs {
    #[command(flatten)]
    pub request: RequestArgs,

    /// Print the form fields, HASH, stringToHash and a curl command; send nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Print statusCode and responseHeaders before the body
    #[arg(short, long)]
    pub include: bool,

    /// Print the whole invoke response object
    #[arg(long)]
    pub envelope: bool,

    /// Follow a Desk list: repeat with `from` advanced by the page size (`limit`, 100 when not
    /// given) until a short or empty page; stream the `data` items (JSON array, or NDJSON
    /// with -o ndjson)
    #[arg(long, conflicts_with_all = ["dry_run", "envelope", "include"])]
    pub paginate: bool,

    /// With --paginate: stop after this many items
    #[arg(long, value_name = "N", requires = "paginate", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_items: Option<u64>,

    /// With --paginate: requests per period, e.g. 50/1m [default: none]
    #[arg(long, value_name = "N/DURATION", requires = "paginate")]
    pub rate: Option<crate::api::rate::Rate>,
}
