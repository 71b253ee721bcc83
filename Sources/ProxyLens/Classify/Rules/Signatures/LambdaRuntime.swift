extension SignatureRule {
    /// The Lambda runtime's own failures.
    static let lambdaRuntime: [SignatureRule] = [
    SignatureRule("lambda-out-of-memory", driver: "Lambda runtime", .outOfMemory, all: ["Runtime.OutOfMemory"], examples: [
        "REPORT RequestId: 726f245b-38d2-46d0-81e5-724553d60176\tDuration: 3019.89 ms\tBilled Duration: 3020 ms\tMemory Size: 512 MB\tMax Memory Used: 512 MB\tStatus: error\tError Type: Runtime.OutOfMemory\n",
    ]),
    SignatureRule("lambda-killed", driver: "Lambda runtime", .outOfMemory, all: ["Runtime exited with error: signal: killed"], examples: [
        "RequestId: 726f245b-38d2-46d0-81e5-724553d60176 Error: Runtime exited with error: signal: killed\nRuntime.ExitError\n",
    ]),
    ]
}
