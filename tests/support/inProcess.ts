/**
 * Mocha `require` file for mutation testing only (see stryker.config.json): the policy pack runs
 * in the test process, where Stryker can see and switch mutants in its code, instead of as a child
 * process over gRPC. It must load before any test module reads the flag.
 */
process.env.POLICY_PACK_IN_PROCESS = "1";
