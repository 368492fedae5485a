/** `postmock --help`. */
export const MAIN_HELP = `postmock: Postman collections as local mock servers that answer like https://<mockId>.mock.pstmn.io

Usage: postmock <command> [options]

Commands:
  pull      Download a collection, environment or a whole mock through the Postman API
  serve     Serve a collection (or a postmock.config.json) over HTTP, offline
  inspect   List a collection's requests and examples, and what may surprise you
  coverage  Merge the example-coverage reports of sharded test runs into one
  push      Upload the examples that are new or changed locally to a collection in Postman
  verify    Send each example's saved request to the real API and report drift
  types     Write a .d.ts that checks request, example and code names in use()/calls()

Options:
  -h, --help     Show help (also: postmock <command> --help)
  -v, --version  Show the version

Example (the seed workflow, offline after one pull):
  POSTMAN_API_KEY=PMAK-... postmock pull --mock 1a2b3c4d-...
  postmock serve postmock.config.json --port 3000
  curl -H 'x-mock-response-code: 401' http://127.0.0.1:3000/users/1`

/** `postmock pull --help`. */
export const PULL_HELP = `Usage:
  export POSTMAN_API_KEY=PMAK-...
  postmock pull --collection <uid|name> [--environment <uid|name>] [--out dir]
  postmock pull --mock <mockId> [--out dir] [--types postman.d.ts]

Downloads through the Postman API (GET /collections/{uid}?uid=true, so every example keeps
the uid that x-mock-response-id takes). Names are looked up with GET /collections and
GET /environments; a name that matches several or none lists the candidates.

The API key: set POSTMAN_API_KEY rather than passing --api-key, which every user of this
machine can see in the process list (ps) and which stays in your shell history. The key is
sent only as X-Api-Key to the --api-url origin (a redirect to another origin is not
followed), never printed (it shows as PMAK-...abcd, also inside the API's messages) and
never written to disk.

Files written (under --out, default the current folder):
  collections/<name>.postman_collection.json
  environments/<name>.postman_environment.json
  postmock.config.json   (--mock only: maps the mock id to the files above, with its
                          private flag, config and active server response; other mocks
                          already in it are kept)
<name> keeps letters, digits, . _ and - (Windows device names such as con or nul get a _,
long names are cut to 255 bytes). When the file holds another collection or environment
whose name gives the same file name, the new one gets its id's first 8 characters added,
and pull says so; pulling the same one again updates its file.

Options:
  -c, --collection <uid|name>   The collection to pull
  -e, --environment <uid|name>  An environment to pull with it
  -m, --mock <mockId>           Pull a mock server: its collection, environment, private flag and config
  -o, --out <dir>               Where to write (default .)
      --types <file>            Also write the .d.ts of typed names for what was pulled (the
                                whole postmock.config.json with --mock), as postmock types does
      --api-key <key>           Postman API key; prefer $POSTMAN_API_KEY (the default), as a key
                                on the command line shows in the process list
      --api-url <url>           API base URL (default: $POSTMAN_API_URL or https://api.getpostman.com);
                                plain http:// to another machine gets a warning
      --timeout <ms>            How long one request to the API may take (default 30000)
  -h, --help                    Show this help

A 429 answer is retried after the time the API names (Retry-After / X-RateLimit-Reset),
at most 3 times and never for longer than a minute per wait.`

/** `postmock serve --help`. */
export const SERVE_HELP = `Usage:
  postmock serve <collection.json | postmock.config.json> [options]

Serves the collection's examples over HTTP, answering like Postman's mock server (same matcher
as @postmock/core). A request whose Host is this server is answered as a call to
https://<mockId>.mock.pstmn.io<path>: the config's first mock (or --mock), or any id for a bare
collection. A Host header that already reads <mockId>.mock.pstmn.io picks that mock.
One log line per call: method, path, status, the example chosen for that call, time. API keys
in the query (apikey=, api_key=, x-api-key=) are masked, control characters shown escaped.

Options:
  -e, --environment <file>     Environment export (with a collection; a config names its own)
  -p, --port <n>               Port (default 3000; 0 picks a free one)
      --host <addr>            Address to listen on (default 127.0.0.1)
  -m, --mock <mockId>          Which mock of a config answers requests to this server's own host
      --private                Require an x-api-key header on every call, as a private mock does
      --api-key <key>          The key private mocks accept (default: $POSTMAN_API_KEY)
      --max-body <size>        Largest request body read (default 10mb; also 512kb, 1gb, bytes);
                               a larger one gets 413 payloadTooLargeError and its connection is
                               closed without reading the rest
      --drain <ms>             On Ctrl-C or SIGTERM, how long requests in flight may still be
                               answered (default 5000); those still waiting then (a pending
                               x-mock-response-delay) get their connection closed, no answer
      --headers-timeout <ms>   Time to receive a request's headers (default 10000; Node: 60000)
      --request-timeout <ms>   Time to receive a whole request (default 30000; Node: 300000);
                               past either, the client gets 408 and the connection is closed
      --keep-alive-timeout <ms>  How long an idle connection stays open (default 30000; Node:
                               5000), longer than clients keep idle sockets, so they close first
      --max-connections <n>    Open connections at most (default 1000; Node: no limit); one
                               more is closed at once, with a warning
      --record <url>           Record from the real API at <url> (origin and base path): see
                               Recording below
      --record-mode <mode>     missing (default): record calls no example answers; all: also
                               send the calls an example answers and refresh it
                               (POSTMOCK_RECORD=missing|all in the environment wins)
      --record-timeout <ms>    How long the real API may take (default 30000); past it, 504
      --redact-header <name>   Also save this header's value as {{redacted}} (repeatable)
      --redact-query <key>     Also redact this query parameter (repeatable)
      --redact-json <path>     Also redact this JSON path in bodies, e.g. $.token (repeatable)
  -h, --help                   Show this help
  (0 turns a timeout off. No time limit applies while an answer is being prepared: an
  x-mock-response-delay may be up to 180 s.)

A header the answer cannot carry over HTTP (a control character rendered into it from the
request, say) is left out, with a [postmock] warning once per example and header; the rest of
the answer is sent. An answer that fails altogether is a 500 "Internal Server Error" with
{"error":{"name":"postmockError","message":...}}.

Recording (--record, a collection file only): a call the mode sends to the real API gets the
real answer (bodies up to --max-body; 502 or 504 with {"error":{"name":"recordError",...}} when
it cannot be had), and the answer is saved into the served collection as an example, as the
test adapters' record option saves it: under the request whose URL matches, else in a
"Recorded" folder; Authorization, Cookie, Set-Cookie, X-Api-Key and Proxy-Authorization
headers and apikey/api_key/access_token query values saved as {{redacted}}. The file is
written 1 s after a recording (one write for a burst of calls) and at shutdown, locked (tests
recording into it at the same time lose nothing); the mock is then built again from it, so
recorded examples answer from then on. With --private, x-api-key is not sent on.

Examples:
  postmock serve postmock.config.json
  postmock serve testAPI.postman_collection.json -e testAPIEnv.postman_environment.json -p 3000
  curl -H 'x-mock-response-name: Unauthorized' http://127.0.0.1:3000/users/1
  postmock serve testAPI.postman_collection.json --record https://staging.api.example.com

Ctrl-C (SIGINT) or SIGTERM stops it: no new connections, requests in flight finish (up to
--drain), then exit code 0. A second Ctrl-C stops at once.`

/** `postmock inspect --help`. */
export const INSPECT_HELP = `Usage:
  postmock inspect <collection.json> [--environment file] [--json] [--strict]
  postmock inspect <postmock.config.json> [--json] [--strict]

Lists every request and example (method, path, status code, name) and how each can be
chosen, then warns about:
  - duplicate example names (x-mock-response-name searches the whole collection)
  - examples that matching never chooses (they tie with one that wins the tie), and those
    that not even x-mock-response-code reaches
  - unresolved {{variables}} in paths (served as wildcards)
  - malformed examples, with their JSON path (Postman skips them)

Options:
  -e, --environment <file>   Environment export that resolves {{variables}}
      --json                 Machine-readable output on stdout
      --strict               Exit with code 1 when there are warnings
  -h, --help                 Show this help`

/** `postmock types --help`. */
export const TYPES_HELP = `Usage:
  postmock types <collection.json | postmock.config.json>... [-o postman.d.ts] [--environment file]

Writes a declaration file that gives use(), calls(), unused() and explain() of @postmock/core,
@postmock/vitest, @postmock/jest and @postmock/playwright the names in your collections:
  use({ request })     a request name, or its METHOD /path or /path form
  use({ example })     only the names of that request's examples
  use({ code })        only the status codes saved for that request
  calls({ request })   a request name (what a recorded call carries), with its examples and codes
A misspelled name is a type error that lists the valid ones, and editors complete them.
The collections are loaded as the adapters load them ({{variables}} resolved, skipped examples
left out). Collections given together are merged (a request name they share accepts the examples
of each); files of separate runs merge in one program when they name different requests. Include
the file in your tsconfig.json; without it, every name is a plain string.

Options:
  -o, --out <file>           The declaration file to write (default postman.d.ts)
  -e, --environment <file>   Environment export that resolves {{variables}} in paths (applies to
                             every collection given; a postmock.config.json names its own)
  -h, --help                 Show this help

Write it again when the collection changes: postmock pull --types <file> does so after a pull.

Example:
  postmock types testAPI.postman_collection.json -e testAPIEnv.postman_environment.json -o test/postman.d.ts`

/** `postmock verify --help`. */
export const VERIFY_HELP = `Usage:
  postmock verify <collection.json> --base-url <url> [options]

Sends each example's saved request (variables resolved from the collection and --environment)
to the real API at --base-url, and compares the answer with the example:
  - the status code                     status 200 → 404
  - the Content-Type family             content-type json → html   (json, xml, html, text, …)
  - for JSON, the shape: the same keys with the same JSON types at every path, an array by the
    union of its elements' shapes (an empty array goes with any); values may differ
                                        $.email missing   $.extra unexpected   $.id number → string
A null goes with any type (APIs send null for an optional field without a value). The body of
another status is not compared. Only safe methods (GET, HEAD, OPTIONS) are sent unless --methods
says otherwise; an example with an unresolved {{variable}} or :variable in its URL, or a
form-data/file body, is skipped. Redirects are not followed (a saved 302 is compared as a 302).

The saved URL's host (a {{baseUrl}}, a mock's) is replaced by --base-url; its path is kept, so a
{{baseUrl}} of https://api.example.com/v1 gives /v1/users, and --base-url is the bare origin.

One line per example (ok, drift with the paths that differ, skip or error with why), then a
summary. Nothing the requests carry (saved headers, --header values) is printed.

Options:
  -b, --base-url <url>      The real API (http:// or https://)
  -e, --environment <file>  Environment export that resolves {{variables}}
      --methods <list>      Methods to send, e.g. GET,HEAD,POST (default GET,HEAD,OPTIONS)
      --concurrency <n>     Requests in flight at most (default 4)
  -H, --header <k: v>       A header sent with every request, over the saved ones (repeatable),
                            e.g. --header "Authorization: Bearer $TOKEN"
      --timeout <ms>        How long one request may take (default 30000)
      --allow-extra         Keys the API sends and the example lacks are fine (default: drift,
                            as the example no longer shows what the API sends)
      --json                Machine-readable report on stdout (results, differences, summary)
  -h, --help                Show this help

Exit codes: 0 every example sent agrees, 1 drift, 2 a wrong command line or an unreadable
collection/environment, 3 an example could not be sent (network error, timeout).

Example:
  postmock verify testAPI.postman_collection.json -e staging.postman_environment.json \\
    --base-url https://staging.api.example.com --header "Authorization: Bearer $TOKEN"`

/** `postmock push --help`. */
export const PUSH_HELP = `Usage:
  export POSTMAN_API_KEY=PMAK-...
  postmock push <collection.json> --collection <uid|name> [--dry-run] [--create-requests]

Uploads the examples of the file that are new or changed compared with the collection in
Postman (GET /collections/{uid}?uid=true), through the Postman API:
  - a request is matched by id, else by name + method + path; an example by id, else by name
  - an example Postman lacks is created:  POST /collections/{id}/responses?request={requestId}
  - one whose code, headers, body or saved request differ is updated:
                                          PUT /collections/{id}/responses/{responseId}
  - an equal one is skipped; examples only Postman has are left alone (push deletes nothing)
  - examples of a request Postman lacks are reported and skipped; --create-requests creates the
    request first (POST /collections/{id}/requests, in the folder of the same name if Postman has it)
--dry-run prints the plan (REQUEST, EXAMPLE, ACTION create/update/skip, REASON) and writes nothing.

The API key is handled as pull handles it: set POSTMAN_API_KEY rather than --api-key; it is sent
only as X-Api-Key to the --api-url origin (no redirect to another origin is followed), never
printed (PMAK-...abcd) and never written. A 429 is retried after the time the API names, at most
3 times.

Options:
  -c, --collection <uid|name>  The collection in Postman to push to
      --dry-run                Print the plan only
      --create-requests        Create the requests Postman lacks (default: report them)
      --api-key <key>          Postman API key; prefer $POSTMAN_API_KEY (the default)
      --api-url <url>          API base URL (default: $POSTMAN_API_URL or https://api.getpostman.com)
      --timeout <ms>           How long one request to the API may take (default 30000)
  -h, --help                   Show this help

Exit codes: 0 done (or planned), 1 the Postman API refused or failed (401 bad key, 404 no such
collection, 429 after retries, …), 2 a wrong command line or an unreadable file.`

/** `postmock coverage --help`. */
export const COVERAGE_HELP = `Usage:
  postmock coverage merge <postmock-coverage.json>... [--threshold N] [--json file] [--markdown file]

Merges the example-coverage reports that @postmock/vitest/reporter, @postmock/jest/reporter and
@postmock/playwright/reporter write (one per shard: vitest --shard, jest --shard, Playwright
shards) into one: the same collection (same examples) from every shard adds up its calls and test
names. Prints the table per collection (served/total, per request and status class); with
$GITHUB_STEP_SUMMARY set, appends the Markdown summary there.

Options:
      --threshold <percent>  Exit with code 1, listing the unserved examples, when fewer than this
                             percent of the examples were served
      --json <file>          Write the merged postmock-coverage.json
      --markdown <file>      Write the Markdown summary
  -h, --help                 Show this help

Exit codes: 0 merged (threshold met), 1 below the threshold, 2 a wrong command line or a file
that is not a report.

Example:
  postmock coverage merge shard-1/postmock-coverage.json shard-2/postmock-coverage.json --threshold 80 --json postmock-coverage.json`
