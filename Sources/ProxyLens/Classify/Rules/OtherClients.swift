/// What clients that are not databases print for their own failures, read from each client's
/// source: a text with one of these shapes (and no database driver named, `GenericVocabulary.
/// databaseDrivers`) is another service's timeout or reset, and stays unclassified however
/// much it sounds like one of the causes. The needles are folded (`SignatureRule.fold`) and are
/// the client's own formatting (a class or module name, a message template's fixed words, an
/// error code), not a network word any driver also prints.
enum OtherClients {
    struct Shape: Sendable {
        var client: String
        /// Folded text the client prints, matched as a substring.
        var needle: String
        var source: String
        /// A message the client formats with this shape.
        var example: String
    }

    static let all: [Shape] = [
        // Go's net/http wraps every client error in url.Error, printed `Op "URL": err`
        // (net/url/url.go, Error.Error); the Client adds its own timeout note (net/http/client.go).
        Shape(client: "Go net/http", needle: "client.timeout exceeded",
              source: "golang/go/src/net/http/client.go https://github.com/golang/go/blob/HEAD/src/net/http/client.go",
              example: "Get \"https://api.example.com/v1/items\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"),
        Shape(client: "Go net/http", needle: "get \"http",
              source: "golang/go/src/net/url/url.go https://github.com/golang/go/blob/HEAD/src/net/url/url.go",
              example: "Get \"http://10.0.0.5:8080/health\": dial tcp 10.0.0.5:8080: i/o timeout"),
        Shape(client: "Go net/http", needle: "post \"http",
              source: "golang/go/src/net/url/url.go https://github.com/golang/go/blob/HEAD/src/net/url/url.go",
              example: "Post \"http://internal-svc:8080/v1/events\": read tcp 10.0.1.2:51234->10.0.0.5:8080: read: connection reset by peer"),
        Shape(client: "Go net/http", needle: "put \"http",
              source: "golang/go/src/net/url/url.go https://github.com/golang/go/blob/HEAD/src/net/url/url.go",
              example: "Put \"https://api.example.com/v1/items/7\": EOF"),
        Shape(client: "Go net/http", needle: "http: server closed idle connection",
              source: "golang/go/src/net/http/transport.go https://github.com/golang/go/blob/HEAD/src/net/http/transport.go",
              example: "Post \"https://api.example.com/v1/events\": http: server closed idle connection"),
        // Node's http client (lib/_http_client.js: connResetException('socket hang up')).
        Shape(client: "Node.js http", needle: "socket hang up",
              source: "nodejs/node/lib/_http_client.js https://github.com/nodejs/node/blob/HEAD/lib/_http_client.js",
              example: "Error: socket hang up\n    at connResetException (node:internal/errors:705:14)\n    at TLSSocket.socketOnEnd (node:_http_client:518:23)"),
        Shape(client: "Node.js http", needle: "_http_client",
              source: "nodejs/node/lib/_http_client.js https://github.com/nodejs/node/blob/HEAD/lib/_http_client.js",
              example: "Error: read ECONNRESET\n    at TLSWrap.onStreamRead (node:internal/stream_base_commons:217:20)\n    at ClientRequest.emit (node:_http_client:123:5)"),
        // undici (Node's fetch): TypeError('fetch failed', { cause }) and its UND_ERR_* codes.
        Shape(client: "undici", needle: "fetch failed",
              source: "nodejs/undici/lib/web/fetch/index.js https://github.com/nodejs/undici/blob/HEAD/lib/web/fetch/index.js",
              example: "TypeError: fetch failed\n    at node:internal/deps/undici/undici:12345:11 {\n  cause: ConnectTimeoutError: Connect Timeout Error\n      at onConnectTimeout (node:internal/deps/undici/undici:6869:28) {\n    code: 'UND_ERR_CONNECT_TIMEOUT'\n  }\n}"),
        Shape(client: "undici", needle: "und_err_",
              source: "nodejs/undici/lib/core/errors.js https://github.com/nodejs/undici/blob/HEAD/lib/core/errors.js",
              example: "SocketError: other side closed\n    at TLSSocket.onSocketEnd (node_modules/undici/lib/dispatcher/client-h1.js:999:22) {\n  code: 'UND_ERR_SOCKET'\n}"),
        // node-fetch: `request to ${url} failed, reason: ${err.message}` (FetchError, type 'system').
        Shape(client: "node-fetch", needle: "fetcherror",
              source: "node-fetch/node-fetch/src/index.js https://github.com/node-fetch/node-fetch/blob/HEAD/src/index.js",
              example: "FetchError: request to https://api.example.com/v1/items failed, reason: connect ETIMEDOUT 52.1.2.3:443"),
        // axios: settle.js rejects a response outside validateStatus with this message. (Its
        // timeout, 'timeout of ' + ms + 'ms exceeded', is knex's words too: `Defined query timeout
        // of 100ms exceeded`; axios 1.x prints its class name, `AxiosError`, which `axios` covers.)
        Shape(client: "axios", needle: "request failed with status code",
              source: "axios/axios/lib/core/settle.js https://github.com/axios/axios/blob/HEAD/lib/core/settle.js",
              example: "Error: Request failed with status code 504"),
        // AWS SDK for JavaScript v3 (smithy's node-http-handler) and its service errors' `$metadata`.
        Shape(client: "AWS SDK v3", needle: "socket timed out without establishing a connection",
              source: "smithy-lang/smithy-typescript/packages/node-http-handler/src/set-connection-timeout.ts https://github.com/smithy-lang/smithy-typescript/blob/HEAD/packages/node-http-handler/src/set-connection-timeout.ts",
              example: "TimeoutError: Socket timed out without establishing a connection within 1000 ms"),
        Shape(client: "AWS SDK v3", needle: "$metadata",
              source: "smithy-lang/smithy-typescript/packages/smithy-client/src/exceptions.ts https://github.com/smithy-lang/smithy-typescript/blob/HEAD/packages/smithy-client/src/exceptions.ts",
              example: "TimeoutError: Connection timed out after 1000 ms\n  '$fault': 'client',\n  '$metadata': { attempts: 3, totalRetryDelay: 240 }"),
        // botocore's ClientError: 'An error occurred ({error_code}) when calling the {operation_name} operation'.
        Shape(client: "botocore", needle: ") when calling the ",
              source: "boto/botocore/botocore/exceptions.py https://github.com/boto/botocore/blob/HEAD/botocore/exceptions.py",
              example: "An error occurred (ThrottlingException) when calling the Query operation (reached max retries: 4): Rate exceeded"),
        Shape(client: "botocore", needle: "an http client ",
              source: "boto/botocore/botocore/exceptions.py https://github.com/boto/botocore/blob/HEAD/botocore/exceptions.py",
              example: "botocore.exceptions.HTTPClientError: An HTTP Client raised an unhandled exception: Connection reset by peer"),
        // urllib3 (and requests above it): MaxRetryError, the pool's read and connect timeouts,
        // and Python's http.client RemoteDisconnected it wraps as 'Connection aborted.'.
        Shape(client: "urllib3", needle: "max retries exceeded with url",
              source: "urllib3/urllib3/src/urllib3/exceptions.py https://github.com/urllib3/urllib3/blob/HEAD/src/urllib3/exceptions.py",
              example: "Max retries exceeded with url: /v1/items (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 110] Connection timed out'))"),
        Shape(client: "urllib3", needle: "(read timeout=",
              source: "urllib3/urllib3/src/urllib3/connectionpool.py https://github.com/urllib3/urllib3/blob/HEAD/src/urllib3/connectionpool.py",
              example: "Read timed out. (read timeout=10)"),
        Shape(client: "urllib3", needle: "(connect timeout=",
              source: "urllib3/urllib3/src/urllib3/connection.py https://github.com/urllib3/urllib3/blob/HEAD/src/urllib3/connection.py",
              example: "Connection to api.example.com timed out. (connect timeout=5)"),
        Shape(client: "Python http.client", needle: "remote end closed connection without response",
              source: "python/cpython/Lib/http/client.py https://github.com/python/cpython/blob/HEAD/Lib/http/client.py",
              example: "('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))"),
        // .NET's HttpClient (System.Net.Http): HttpRequestException's own message (SR.net_http_client_execution_error).
        Shape(client: ".NET HttpClient", needle: "system.net.http",
              source: "dotnet/runtime/src/libraries/System.Net.Http/src/Resources/Strings.resx https://github.com/dotnet/runtime/blob/HEAD/src/libraries/System.Net.Http/src/Resources/Strings.resx",
              example: "System.Net.Http.HttpRequestException: An error occurred while sending the request.\n ---> System.IO.IOException: Unable to read data from the transport connection: Connection reset by peer."),
        Shape(client: ".NET HttpClient", needle: "an error occurred while sending the request",
              source: "dotnet/runtime/src/libraries/System.Net.Http/src/Resources/Strings.resx https://github.com/dotnet/runtime/blob/HEAD/src/libraries/System.Net.Http/src/Resources/Strings.resx",
              example: "HttpRequestException: An error occurred while sending the request."),
        // Java's HTTP clients: java.net.http, Apache HttpClient 4 and 5, Spring's RestTemplate.
        Shape(client: "Java HttpClient", needle: "java.net.http.",
              source: "openjdk/jdk/src/java.net.http/share/classes/java/net/http/HttpTimeoutException.java https://github.com/openjdk/jdk/blob/HEAD/src/java.net.http/share/classes/java/net/http/HttpTimeoutException.java",
              example: "java.net.http.HttpConnectTimeoutException: HTTP connect timed out"),
        Shape(client: "Apache HttpClient", needle: "org.apache.http.",
              source: "apache/httpcomponents-client/httpclient/src/main/java/org/apache/http/conn/ConnectTimeoutException.java https://github.com/apache/httpcomponents-client/blob/4.5.x/httpclient/src/main/java/org/apache/http/conn/ConnectTimeoutException.java",
              example: "org.apache.http.conn.ConnectTimeoutException: Connect to api.example.com:443 [api.example.com/52.1.2.3] failed: connect timed out"),
        Shape(client: "Apache HttpClient", needle: "org.apache.hc.",
              source: "apache/httpcomponents-client/httpclient5/src/main/java/org/apache/hc/client5/http/ConnectTimeoutException.java https://github.com/apache/httpcomponents-client/blob/HEAD/httpclient5/src/main/java/org/apache/hc/client5/http/ConnectTimeoutException.java",
              example: "org.apache.hc.client5.http.ConnectTimeoutException: Connect to https://api.example.com:443 failed: Connect timed out"),
        Shape(client: "Spring RestTemplate", needle: "request for \"http",
              source: "spring-projects/spring-framework/spring-web/src/main/java/org/springframework/web/client/RestTemplate.java https://github.com/spring-projects/spring-framework/blob/HEAD/spring-web/src/main/java/org/springframework/web/client/RestTemplate.java",
              example: "org.springframework.web.client.ResourceAccessException: I/O error on GET request for \"https://api.example.com/v1/items\": Read timed out"),
        // Redis clients: redis-py's own messages, ioredis's retry limit, Redis's port.
        Shape(client: "redis-py", needle: "timeout reading from socket",
              source: "redis/redis-py/redis/connection.py https://github.com/redis/redis-py/blob/HEAD/redis/connection.py",
              example: "redis.exceptions.TimeoutError: Timeout reading from socket"),
        Shape(client: "ioredis", needle: "max retries per request limit",
              source: "redis/ioredis/lib/errors/MaxRetriesPerRequestError.ts https://github.com/redis/ioredis/blob/HEAD/lib/errors/MaxRetriesPerRequestError.ts",
              example: "MaxRetriesPerRequestError: Reached the max retries per request limit (which is 20). Refer to \"maxRetriesPerRequest\" option for details."),
        Shape(client: "Redis", needle: ":6379",
              source: "redis/redis/redis.conf (port 6379) https://github.com/redis/redis/blob/HEAD/redis.conf",
              example: "Error: connect ETIMEDOUT 10.0.3.4:6379"),
    ]
}
