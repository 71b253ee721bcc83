import Foundation
import Testing
@testable import ProxyLens

/// The tools that judge `alarms` output as AWS and Terraform would: cfn-lint, python-hcl2 and
/// botocore's own model of PutMetricAlarm (botocore comes with cfn-lint). They run as child
/// processes of the python3 on PATH (or `PROXYLENS_PYTHON`); `.ci/run` installs them.
enum AlarmTools {
    static let python = ProcessInfo.processInfo.environment["PROXYLENS_PYTHON"] ?? "python3"
    static var inCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    static func run(_ script: String, _ arguments: [String] = []) throws -> CommandResult {
        try CLI.run(program: "/usr/bin/env", [python, "-c", script] + arguments)
    }

    /// Why the tools cannot run here (nil: they can).
    static let missing: String? = {
        guard let result = try? run("import cfnlint, hcl2, botocore") else { return "\(python) cannot be run" }
        return result.status == 0 ? nil : result.stderr.split(separator: "\n").last.map(String.init) ?? "exit \(result.status)"
    }()

    /// In CI the tests run (and fail) without the tools; locally they are skipped with this said.
    static var runnable: Bool { missing == nil || inCI }
    static let skipped: Comment = "cfn-lint / python-hcl2 not importable by python3 here: skipped locally (bash .ci/run installs them; in CI these tests fail without them)"

    /// cfn-lint on a template file: its exit status (bits: 2 error, 4 warning, 8 informational) and findings.
    static let lint = """
        import sys
        from cfnlint.runner import main
        sys.argv = ["cfn-lint", "--format", "parseable", *sys.argv[1:]]
        sys.exit(main())
        """
    /// A CloudFormation template (YAML or JSON) as cfn-lint reads it, printed as JSON.
    static let decode = """
        import sys, json
        from cfnlint.decode import decode
        template, matches = decode(sys.argv[1])
        if matches or template is None:
            sys.exit("cannot decode: %s" % matches)
        print(json.dumps(template))
        """
    /// A Terraform file as python-hcl2 parses it, printed as JSON.
    static let hcl = """
        import sys, json, hcl2
        with open(sys.argv[1]) as f:
            print(json.dumps(hcl2.load(f)))
        """
    /// Each line of a file as a PutMetricAlarm input, checked by botocore's validator against the
    /// cloudwatch service model (unknown keys, types, required members); prints the accepted keys.
    static let putMetricAlarm = """
        import sys, json, botocore.session
        from botocore.validate import ParamValidator
        shape = botocore.session.get_session().get_service_model("cloudwatch").operation_model("PutMetricAlarm").input_shape
        print(json.dumps(sorted(shape.members)))
        bad = 0
        for number, line in enumerate(open(sys.argv[1]), 1):
            report = ParamValidator().validate(json.loads(line), shape)
            if report.has_errors():
                print("line %d: %s" % (number, report.generate_report()), file=sys.stderr)
                bad += 1
        sys.exit(1 if bad else 0)
        """
}

/// A database of the public corpus (logs and configuration) with the metric samples for its
/// proxies and functions, made once per test run.
enum AlarmCorpus {
    static let proxies = ["ledger-sql-proxy", "orders-pg-proxy"]
    static let functions = ["billing-worker", "ledger-writer", "orders-api"]

    static let database: Result<String, Error> = Result {
        let path = try Fixture.temporaryFolder().appendingPathComponent("corpus.sqlite").path
        let database = try Database(path: path)
        _ = try ingest([Fixture.corpus + "/logs", Fixture.corpus + "/config", Fixture.samples("metrics/orders-pg-proxy"),
                        Fixture.samples("metrics/ledger-sql-proxy"), Fixture.samples("metrics/functions")], into: database)
        return path
    }

    static func alarms(_ arguments: [String], in folder: URL) throws -> CommandResult {
        let result = try CLI.run(["alarms", "--db", try database.get()] + arguments, in: folder)
        #expect(result.status == 0, "alarms \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }
}

@Suite("Alarms: the public corpus's alarms as cfn-lint, python-hcl2 and botocore read them",
       .enabled(if: Fixture.corpusAvailable), .enabled(if: AlarmTools.runnable, AlarmTools.skipped))
struct AlarmToolTests {
    @Test("CloudFormation (YAML and JSON) passes cfn-lint with no errors, with a session-pinning alarm per proxy")
    func cloudFormation() throws {
        try #require(AlarmTools.missing == nil, "cfn-lint / python-hcl2 missing for \(AlarmTools.python): \(AlarmTools.missing ?? "")")
        let folder = try Fixture.temporaryFolder()
        let yaml = try Fixture.write(try AlarmCorpus.alarms(["--format", "cloudformation"], in: folder).stdout, to: "alarms.yaml", in: folder)
        let json = try Fixture.write(try AlarmCorpus.alarms(["--format", "cloudformation", "--json"], in: folder).stdout, to: "alarms.json", in: folder)
        for file in [yaml, json] {
            let lint = try AlarmTools.run(AlarmTools.lint, [file])
            #expect(lint.status & ~(4 | 8) == 0, "cfn-lint \(file) exit \(lint.status):\n\(lint.stdout)\(lint.stderr)")
        }
        // cfn-lint does judge: the same template with an operator CloudWatch does not have fails.
        let broken = try Fixture.write(try String(contentsOfFile: yaml, encoding: .utf8)
            .replacingOccurrences(of: "ComparisonOperator: \"GreaterThanThreshold\"", with: "ComparisonOperator: \"MoreThan\""), to: "broken.yaml", in: folder)
        #expect(try AlarmTools.run(AlarmTools.lint, [broken]).status & 2 == 2)

        // The YAML says exactly what the JSON says (but for the JSON's Metadata notes).
        let fromYAML = try Self.object(try AlarmTools.run(AlarmTools.decode, [yaml]))
        var fromJSON = try Self.object(try AlarmTools.run(AlarmTools.decode, [json]))
        #expect((fromJSON["Metadata"] as? [String: Any]) != nil)
        fromJSON["Metadata"] = nil
        #expect(NSDictionary(dictionary: fromYAML).isEqual(to: fromJSON), "YAML and JSON templates differ")

        let resources = try #require(fromJSON["Resources"] as? [String: [String: Any]])
        #expect(resources.values.allSatisfy { $0["Type"] as? String == "AWS::CloudWatch::Alarm" })
        #expect((fromJSON["Parameters"] as? [String: Any])?["AlarmTopicArn"] != nil)
        for proxy in AlarmCorpus.proxies {
            let pinning = resources.values.compactMap { $0["Properties"] as? [String: Any] }.filter { properties in
                let metrics = properties["Metrics"] as? [[String: Any]] ?? []
                return metrics.contains { query in
                    let stat = query["MetricStat"] as? [String: Any], metric = stat?["Metric"] as? [String: Any]
                    return metric?["Namespace"] as? String == "AWS/RDS" && metric?["MetricName"] as? String == "DatabaseConnectionsCurrentlySessionPinned"
                        && (metric?["Dimensions"] as? [[String: String]]) == [["Name": "ProxyName", "Value": proxy]] && stat?["Stat"] as? String == "Sum"
                }
            }
            #expect(pinning.count == 1, "\(proxy): \(pinning.count) session-pinning alarms")
            guard let alarm = pinning.first else { continue }
            let expression = (alarm["Metrics"] as? [[String: Any]] ?? []).filter { $0["ReturnData"] as? Bool == true }
            #expect(expression.count == 1 && (expression.first?["Expression"] as? String)?.contains("100 * pinned / connections") == true)
            #expect(alarm["Threshold"] as? Int == 50 && alarm["ComparisonOperator"] as? String == "GreaterThanThreshold")
            #expect((alarm["AlarmActions"] as? [[String: String]]) == [["Ref": "AlarmTopicArn"]])
        }
        // Every proxy and function has its alarms.
        let names = Set(resources.values.compactMap { ($0["Properties"] as? [String: Any])?["AlarmName"] as? String })
        for proxy in AlarmCorpus.proxies {
            for kind in ["session-pinning", "client-connections", "borrow-latency", "query-latency"] {
                #expect(names.contains("proxylens-\(proxy)-\(kind)"))
            }
        }
        for function in AlarmCorpus.functions { #expect(names.contains("proxylens-\(function)-throttles")) }
    }

    @Test("Terraform parses with python-hcl2 into aws_cloudwatch_metric_alarm resources naming the same alarms")
    func terraform() throws {
        try #require(AlarmTools.missing == nil, "cfn-lint / python-hcl2 missing for \(AlarmTools.python): \(AlarmTools.missing ?? "")")
        let folder = try Fixture.temporaryFolder()
        let tf = try Fixture.write(try AlarmCorpus.alarms(["--format", "terraform"], in: folder).stdout, to: "alarms.tf", in: folder)
        let template = try Self.object(try AlarmTools.run(AlarmTools.decode, [
            try Fixture.write(try AlarmCorpus.alarms(["--format", "cloudformation", "--json"], in: folder).stdout, to: "alarms.json", in: folder)]))
        let cfn = (template["Resources"] as? [String: [String: Any]] ?? [:]).values.compactMap { $0["Properties"] as? [String: Any] }

        let parsed = try Self.object(try AlarmTools.run(AlarmTools.hcl, [tf]))
        var alarms: [String: [String: Any]] = [:]
        for block in parsed["resource"] as? [[String: Any]] ?? [] {
            for (type, named) in block {
                #expect(Self.unquote(type) == "aws_cloudwatch_metric_alarm")
                for (_, body) in named as? [String: [String: Any]] ?? [:] { alarms[Self.unquote(body["alarm_name"])] = body }
            }
        }
        #expect(Set(alarms.keys) == Set(cfn.compactMap { $0["AlarmName"] as? String }))
        #expect((parsed["variable"] as? [[String: Any]])?.contains { $0.keys.map(Self.unquote).contains("alarm_topic_arn") } == true)
        for properties in cfn {
            let name = properties["AlarmName"] as? String ?? ""
            guard let alarm = alarms[name] else { Issue.record("\(name) not in Terraform"); continue }
            #expect((alarm["threshold"] as? Double) == (properties["Threshold"] as? Double), "\(name) threshold")
            #expect(Self.unquote(alarm["comparison_operator"]) == properties["ComparisonOperator"] as? String)
            #expect((alarm["evaluation_periods"] as? Int) == properties["EvaluationPeriods"] as? Int)
            #expect((alarm["alarm_actions"] as? [String])?.first?.contains("var.alarm_topic_arn") == true)
            if let metrics = properties["Metrics"] as? [[String: Any]] {
                let queries = alarm["metric_query"] as? [[String: Any]] ?? []
                #expect(queries.map { Self.unquote($0["id"]) } == metrics.map { $0["Id"] as? String ?? "" }, "\(name) metric_query ids")
                for (query, metric) in zip(queries, metrics) {
                    if let expression = metric["Expression"] as? String {
                        #expect(Self.unquote(query["expression"]) == expression)
                    } else {
                        let stat = metric["MetricStat"] as? [String: Any], cw = stat?["Metric"] as? [String: Any]
                        let body = (query["metric"] as? [[String: Any]])?.first ?? [:]
                        #expect(Self.unquote(body["metric_name"]) == cw?["MetricName"] as? String)
                        #expect(Self.unquote(body["stat"]) == stat?["Stat"] as? String)
                        let dimensions = (body["dimensions"] as? [String: Any] ?? [:]).mapValues { Self.unquote($0) }
                        let expected = Dictionary(uniqueKeysWithValues: (cw?["Dimensions"] as? [[String: String]] ?? []).map { ($0["Name"] ?? "", $0["Value"] ?? "") })
                        #expect(dimensions == expected)
                    }
                }
            } else {
                #expect(Self.unquote(alarm["metric_name"]) == properties["MetricName"] as? String)
                #expect(Self.unquote(alarm["namespace"]) == properties["Namespace"] as? String)
                #expect(Self.unquote(alarm["statistic"]) == properties["Statistic"] as? String)
            }
        }
        // python-hcl2 does judge: the file cut in the middle of a block does not parse.
        let text = try String(contentsOfFile: tf, encoding: .utf8)
        let cut = try Fixture.write(String(text.prefix(text.count / 2)), to: "cut.tf", in: folder)
        #expect(try AlarmTools.run(AlarmTools.hcl, [cut]).status != 0)
    }

    @Test("each cli document is one line of JSON that botocore's PutMetricAlarm model accepts")
    func cliDocuments() throws {
        try #require(AlarmTools.missing == nil, "cfn-lint / python-hcl2 missing for \(AlarmTools.python): \(AlarmTools.missing ?? "")")
        let folder = try Fixture.temporaryFolder()
        let arn = "arn:aws:sns:us-east-1:123456789012:oncall"
        let output = try AlarmCorpus.alarms(["--format", "cli", "--sns-topic-arn", arn], in: folder).stdout
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == AlarmCorpus.proxies.count * 4 + AlarmCorpus.functions.count)
        for line in lines {
            let document = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect((document["AlarmActions"] as? [String]) == [arn])
        }
        let file = try Fixture.write(output, to: "alarms.ndjson", in: folder)
        let check = try AlarmTools.run(AlarmTools.putMetricAlarm, [file])
        #expect(check.status == 0, "\(check.stderr)")
        let accepted = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String] ?? []
        #expect(accepted.contains("AlarmName") && accepted.contains("Metrics") && accepted.contains("ThresholdMetricId"))
        // The validator does judge: a key put-metric-alarm does not take is refused.
        let extra = try Fixture.write(lines[0].replacingOccurrences(of: "{\"AlarmName\"", with: "{\"Proxy\":\"x\",\"AlarmName\"") + "\n", to: "extra.ndjson", in: folder)
        let refused = try AlarmTools.run(AlarmTools.putMetricAlarm, [extra])
        #expect(refused.status == 1 && refused.stderr.contains("Proxy"))

        // With --output, the same documents, a file each named by the alarm.
        let written = folder.appendingPathComponent("alarms")
        _ = try AlarmCorpus.alarms(["--format", "cli", "--sns-topic-arn", arn, "--output", written.path], in: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: written.path).sorted()
        #expect(files.count == lines.count)
        let documents = try files.map { try String(contentsOfFile: written.appendingPathComponent($0).path, encoding: .utf8) }
        #expect(Set(documents) == Set(lines.map { $0 + "\n" }))
        #expect(files.allSatisfy { file in documents.contains { $0.contains("\"AlarmName\":\"\(file.dropLast(5))\"") } })
    }

    static func object(_ result: CommandResult) throws -> [String: Any] {
        guard result.status == 0 else { throw ProxyLensError(.input, "python", "exit \(result.status): \(result.stderr)") }
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// python-hcl2 8 keeps a string's quotes (`"\"x\""`); earlier versions did not.
    static func unquote(_ value: Any?) -> String {
        guard let text = value as? String else { return "" }
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\""),
              let decoded = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? String else { return text }
        return decoded
    }
}

/// What `alarms` decides and says, without the external tools.
@Suite("Alarms: thresholds, options and errors", .serialized)
struct AlarmPlanTests {
    @Test("with the public corpus's configuration and metrics, thresholds come from both")
    func thresholdsFromConfigurationAndMetrics() throws {
        guard Fixture.corpusAvailable else { return }
        let plan = try AlarmPlanner(database: try Database(path: try AlarmCorpus.database.get(), readOnly: true, migrate: false)).plan(AlarmOptions())
        func alarm(_ name: String) -> Alarm? { plan.alarms.first { $0.name == name } }
        // ConnectionBorrowTimeout 5 s (orders) and 15 s (ledger), from describe-db-proxy-target-groups.
        #expect(alarm("proxylens-orders-pg-proxy-borrow-latency")?.threshold == 500_000)
        #expect(alarm("proxylens-ledger-sql-proxy-borrow-latency")?.threshold == 1_500_000)
        #expect(alarm("proxylens-ledger-sql-proxy-borrow-latency")?.description.contains("ConnectionBorrowTimeout 15 s (describe-db-proxy-target-groups)") == true)
        // 3 × the median of QueryDatabaseResponseLatency in the metric samples.
        let latency = try #require(alarm("proxylens-orders-pg-proxy-query-latency"))
        #expect(latency.threshold > 10_000 && latency.threshold < 20_000 && latency.description.contains("3 times its median"))
        #expect(alarm("proxylens-ledger-sql-proxy-client-connections")?.description.contains("MaxDatabaseConnectionsAllowed 24, so this fires at 21.6") == true)
        #expect(alarm("proxylens-ledger-sql-proxy-session-pinning")?.description.contains("peaked at 71.4 %") == true)
        #expect(plan.notes.contains { $0.contains("ingested CloudWatch metrics") })
        #expect(!plan.alarms.contains { $0.kind == "concurrency" }, "no function of the corpus has reserved concurrency")
    }

    @Test("without metrics: thresholds from configuration and AWS defaults, and the output says so")
    func withoutMetrics() throws {
        guard Fixture.corpusAvailable else { return }
        let folder = try Fixture.temporaryFolder()
        let database = folder.appendingPathComponent("config.sqlite").path
        _ = try ingest([Fixture.corpus + "/config"], into: try Database(path: database))
        let plan = try AlarmPlanner(database: try Database(path: database, readOnly: true, migrate: false)).plan(AlarmOptions())
        #expect(plan.proxies == AlarmCorpus.proxies && plan.functions == AlarmCorpus.functions)
        // No metrics: the query-latency threshold is 10 % of the shortest timeout of the functions on the proxy.
        let orders = try #require(plan.alarms.first { $0.name == "proxylens-orders-pg-proxy-query-latency" })
        #expect(orders.threshold == 1_000_000 && orders.description.contains("orders-api (10 s)"))
        let yaml = try CLI.run(["alarms", "--db", database], in: folder)
        #expect(yaml.status == 0, "\(yaml.stderr)")
        #expect(yaml.stdout.contains("# No CloudWatch metrics were ingested: thresholds come from the configuration and AWS's defaults"))
        #expect(!yaml.stdout.contains("Ingested metrics:"))

        // Only a proxy's log group: no target group, no function → AWS's defaults, said per proxy.
        let bare = folder.appendingPathComponent("bare.sqlite").path
        let config = try Fixture.write(#"{"DBProxies": [{"DBProxyName": "solo-proxy", "EngineFamily": "MYSQL", "Endpoint": "solo-proxy.proxy-x.us-east-1.rds.amazonaws.com"}]}"#,
                                       to: "in/describe-db-proxies.json", in: folder)
        _ = try ingest([config], into: try Database(path: bare))
        let solo = try AlarmPlanner(database: try Database(path: bare, readOnly: true, migrate: false)).plan(AlarmOptions())
        #expect(solo.alarms.map(\.kind) == ["session-pinning", "client-connections", "borrow-latency", "query-latency"])
        #expect(solo.alarms.first { $0.kind == "borrow-latency" }?.threshold == 12_000_000, "10 % of the 120 s default borrow timeout")
        #expect(solo.alarms.first { $0.kind == "query-latency" }?.threshold == 300_000, "10 % of Lambda's 3 s default timeout")
        #expect(solo.notes.contains { $0.contains("proxy solo-proxy: no describe-db-proxy-target-groups output ingested") })
        #expect(solo.notes.contains { $0.contains("No Lambda function") })
    }

    @Test("reserved concurrency gives a ConcurrentExecutions alarm at 90 % of it")
    func reservedConcurrency() throws {
        let folder = try Fixture.temporaryFolder()
        let database = folder.appendingPathComponent("fn.sqlite").path
        let function = try Fixture.write(#"{"FunctionName": "pay-fn", "Runtime": "python3.12", "Timeout": 20, "MemorySize": 512}"#, to: "in/get-function-configuration_pay-fn.json", in: folder)
        let concurrency = try Fixture.write(#"{"ReservedConcurrentExecutions": 25}"#, to: "in/get-function-concurrency_pay-fn.json", in: folder)
        _ = try ingest([function, concurrency], into: try Database(path: database))
        let result = try CLI.run(["alarms", "--db", database, "--format", "cli"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let documents = result.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(documents.map { $0["AlarmName"] as? String ?? "" } == ["proxylens-pay-fn-throttles", "proxylens-pay-fn-concurrency"])
        let concurrent = try #require(documents.last)
        #expect(concurrent["MetricName"] as? String == "ConcurrentExecutions" && concurrent["Namespace"] as? String == "AWS/Lambda")
        #expect(concurrent["Threshold"] as? Int == 23 && concurrent["ComparisonOperator"] as? String == "GreaterThanOrEqualToThreshold")
        #expect((concurrent["Dimensions"] as? [[String: String]]) == [["Name": "FunctionName", "Value": "pay-fn"]])
        #expect(concurrent["AlarmActions"] == nil, "no --sns-topic-arn: the cli documents have no actions")
        #expect(result.stderr.contains("No RDS Proxy"))
    }

    @Test("nothing to alarm on, unknown names and bad options exit 2 naming the input")
    func errors() throws {
        let folder = try Fixture.temporaryFolder()
        // A database of logs that are neither a Lambda function's nor a proxy's.
        let page = #"{"events":[{"logStreamName":"web-1","timestamp":1773478800000,"message":"GET / 200\n"}]}"#
        let logs = try Fixture.write(page, to: "in/web.json", in: folder)
        #expect(try CLI.run(["ingest", "--db", "web.sqlite", "--log-group", "/ecs/web", logs], in: folder).status == 0)
        let empty = try CLI.run(["alarms", "--db", "web.sqlite"], in: folder)
        #expect(empty.status == 2 && empty.stdout.isEmpty)
        #expect(empty.stderr.contains("web.sqlite: no RDS Proxy or Lambda function to alarm on: it holds 1 ingested file with 1 event (log groups /ecs/web)"), "\(empty.stderr)")

        let database = folder.appendingPathComponent("fn.sqlite").path
        let function = try Fixture.write(#"{"FunctionName": "pay-fn", "Timeout": 20}"#, to: "in2/get-function-configuration_pay-fn.json", in: folder)
        _ = try ingest([function], into: try Database(path: database))
        let unknown = try CLI.run(["alarms", "--db", database, "--function", "nope"], in: folder)
        #expect(unknown.status == 2 && unknown.stderr.contains("--function: no function named 'nope'") && unknown.stderr.contains("it holds function pay-fn"), "\(unknown.stderr)")
        let noProxy = try CLI.run(["alarms", "--db", database, "--proxy", "p"], in: folder)
        #expect(noProxy.status == 2 && noProxy.stderr.contains("--proxy: no proxy named 'p'") && noProxy.stderr.contains("it holds none"), "\(noProxy.stderr)")
        let arn = try CLI.run(["alarms", "--db", database, "--sns-topic-arn", "oncall"], in: folder)
        #expect(arn.status == 2 && arn.stderr.contains("--sns-topic-arn") && arn.stderr.contains("'oncall'"))
        let json = try CLI.run(["alarms", "--db", database, "--format", "terraform", "--json"], in: folder)
        #expect(json.status == 2 && json.stderr.contains("--json"))
        let missing = try CLI.run(["alarms", "--db", "nope.sqlite"], in: folder)
        #expect(missing.status == 2 && missing.stderr.contains("nope.sqlite"))

        // --sns-topic-arn: the topic itself, no parameter / variable.
        let topic = "arn:aws:sns:eu-west-1:123456789012:db-oncall"
        let cfn = try CLI.run(["alarms", "--db", database, "--sns-topic-arn", topic], in: folder)
        #expect(cfn.status == 0 && cfn.stdout.contains("- \"\(topic)\"") && !cfn.stdout.contains("Parameters:") && !cfn.stdout.contains("AlarmTopicArn"))
        let tf = try CLI.run(["alarms", "--db", database, "--format", "terraform", "--sns-topic-arn", topic], in: folder)
        #expect(tf.status == 0 && tf.stdout.contains("[\"\(topic)\"]") && !tf.stdout.contains("variable "))
    }

    /// `AlarmToolTests` has one check per format, by the tool that reads it: a new entry in
    /// `AlarmRenderer.all` fails here until it has its own.
    @Test("every format of AlarmRenderer.all is checked by the tool that reads it")
    func everyFormatIsChecked() {
        let checked = ["cloudformation": "cfn-lint", "terraform": "python-hcl2", "cli": "botocore PutMetricAlarm"]
        #expect(Set(AlarmFormat.allCases.map(\.rawValue)) == Set(checked.keys), "add a check of the new format to AlarmToolTests")
        #expect(AlarmFormat.allCases.filter(\.perAlarm) == [.cli])
    }

    @Test("names stay unique and valid however proxies and functions are spelled")
    func identifiers() {
        let alarm = { (subject: String) in
            Alarm(subject: subject, kind: "throttles", description: "", metrics: [], expression: nil, comparison: "GreaterThanThreshold",
                  threshold: 0, evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: "notBreaching")
        }
        let named = AlarmPlanner.uniqueIdentifiers([alarm("function a-b"), alarm("function a_b"), alarm("function 9lives")])
        #expect(named.map(\.logicalId) == ["ABThrottles", "ABThrottles2", "Alarm9livesThrottles"])
        #expect(named.map(\.resourceName) == ["a_b_throttles", "a_b_throttles_2", "alarm_9lives_throttles"])
        #expect(named.map(\.name) == ["proxylens-a-b-throttles", "proxylens-a_b-throttles", "proxylens-9lives-throttles"])
        #expect(TerraformAlarmRenderer.string("a \"b\" ${c} %{d} \\") == #""a \"b\" $${c} %%{d} \\""#)
        #expect(AlarmOptions.isTopicArn("arn:aws:sns:us-east-1:123456789012:oncall"))
        #expect(AlarmOptions.isTopicArn("arn:aws-us-gov:sns:us-gov-west-1:123456789012:a.fifo"))
        #expect(!AlarmOptions.isTopicArn("arn:aws:sqs:us-east-1:123456789012:q"))
        #expect(!AlarmOptions.isTopicArn("arn:aws:sns:us-east-1:1234:oncall"))
    }
}
