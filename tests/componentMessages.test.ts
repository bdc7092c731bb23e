/**
 * The component messages users found unclear, word for word, each with the case that must keep
 * its old message: an argument named as the user wrote it (`keyAdminArns`, not the key's
 * `adminArns`), a single string where a list is expected, a value in the wrong case, a bucket
 * name suggestion S3 accepts, and an argument left out shown as "not set".
 */
import * as assert from "node:assert/strict";
import {
    EncryptedAnomalyDetector,
    EncryptedEventDataStore,
    EncryptedLogGroup,
    EncryptedTrail,
    LogsKey,
    logGroupKeyPolicy,
} from "../components";
import { validateBucketName } from "../components/cloudtrail/validation";
import { COMMERCIAL, MockEngine } from "../testing/mockEngine";

const ADMIN = "arn:aws:iam::111122223333:role/key-admin";
const PRINCIPAL_FORM = "arn:<partition>:iam::<account>:root | role/<name> | user/<name>";
const NOT_AN_ARN = (label: string) =>
    `${label}: keyAdminArns[0] is "alice": an IAM principal ARN is required here. Allowed: ${PRINCIPAL_FORM}. Fix: pass the ARN of an IAM role, user or account root, e.g. a role's \`arn\` output.`;
const SINGLE_STRING = (label: string, argument = "keyAdminArns") =>
    `${label}: ${argument} is "${ADMIN}": a list of ARNs is expected, not a single string. Allowed: a list of one or more IAM role, user or account-root ARNs. Fix: put the ARN in a list: ${argument}: ["${ADMIN}"].`;
const BUCKET_RULES =
    "3 to 63 characters from a-z, 0-9, '.', '-', starting and ending with a letter or digit, no '..', not an IP address, not starting with 'xn--', 'sthree-' or 'amzn-s3-demo-', not ending with '-s3alias', '--ol-s3', '.mrap', '--x-s3' or '--table-s3'";

/** Constructs under a fresh mock engine; the construction must throw exactly `message`. */
async function refusedAtConstruction(construct: () => unknown, message: string): Promise<void> {
    await MockEngine.start();
    assert.throws(construct, (e: Error) => {
        assert.equal(e.message, message);
        return true;
    });
}

describe("component messages, word for word", () => {
    describe("keyAdminArns is named as written, at construction", () => {
        const cases: [string, (admins: unknown) => unknown][] = [
            [
                'EncryptedLogGroup "g"',
                (admins) => new EncryptedLogGroup("g", { keyAdminArns: admins as string[] }),
            ],
            [
                'EncryptedAnomalyDetector "d"',
                (admins) =>
                    new EncryptedAnomalyDetector("d", {
                        logGroupArn: "arn:aws:logs:us-east-1:111122223333:log-group:/app",
                        keyAdminArns: admins as string[],
                    }),
            ],
            [
                'EncryptedTrail "audit"',
                (admins) => new EncryptedTrail("audit", { keyAdminArns: admins as string[] }),
            ],
            [
                'EncryptedEventDataStore "lake"',
                (admins) =>
                    new EncryptedEventDataStore("lake", { keyAdminArns: admins as string[] }),
            ],
        ];
        for (const [label, construct] of cases) {
            it(`${label}: ["alice"] is keyAdminArns[0], not an ARN`, () =>
                refusedAtConstruction(() => construct(["alice"]), NOT_AN_ARN(label)));
            it(`${label}: a single string is called one, not "a key nobody can administer"`, () =>
                refusedAtConstruction(() => construct(ADMIN), SINGLE_STRING(label)));
            it(`${label}: an empty list is still "a key nobody can administer"`, () =>
                refusedAtConstruction(
                    () => construct([]),
                    `${label}: keyAdminArns is []: a key nobody can administer can never be changed or recovered. Allowed: one or more IAM role, user or account-root ARNs. Fix: list at least one admin, or omit keyAdminArns to let the account root (and so IAM) administer the key.`,
                ));
        }
    });

    it("a key's own adminArns given as a single string is called one", () => {
        assert.throws(
            () =>
                logGroupKeyPolicy({ ...COMMERCIAL, accountWide: true, adminArns: ADMIN as never }),
            (e: Error) => {
                assert.equal(`x: ${e.message}`, SINGLE_STRING("x", "adminArns"));
                return true;
            },
        );
    });

    it('logGroupClass "standard" gets a did-you-mean for STANDARD; "DELIVERY" keeps its explanation', async () => {
        await refusedAtConstruction(
            () => new EncryptedLogGroup("g", { logGroupClass: "standard" as never }),
            'EncryptedLogGroup "g": logGroupClass is "standard": the allowed values are case-sensitive. Allowed: STANDARD, INFREQUENT_ACCESS. Fix: did you mean "STANDARD"? Write logGroupClass: "STANDARD".',
        );
        await refusedAtConstruction(
            () => new EncryptedLogGroup("g", { logGroupClass: "DELIVERY" as never }),
            'EncryptedLogGroup "g": logGroupClass is "DELIVERY": this log class does not keep events under a retention period with a customer-managed key (DELIVERY keeps them one day). Allowed: STANDARD, INFREQUENT_ACCESS. Fix: use STANDARD or INFREQUENT_ACCESS, or a plain aws.cloudwatch.LogGroup for DELIVERY.',
        );
    });

    it('bucketName "My_Bucket" suggests my-bucket, which is then accepted', async () => {
        await refusedAtConstruction(
            () => new EncryptedTrail("audit", { bucketName: "My_Bucket" }),
            `EncryptedTrail "audit": bucketName is "My_Bucket": S3 rejects the characters "M", "_", "B". Allowed: ${BUCKET_RULES}. Fix: use only lowercase letters, digits, '.' and '-', e.g. 'my-bucket'.`,
        );
        assert.equal(validateBucketName("my-bucket"), "my-bucket");
        const engine = await MockEngine.start();
        new EncryptedTrail("audit", { bucketName: "my-bucket" });
        await engine.settle();
        assert.equal(engine.get("aws:s3/bucket:Bucket", "audit-bucket").inputs.bucket, "my-bucket");
    });

    it("LogsKey({}) says logGroupNames is not set; an empty list is still []", async () => {
        const problem =
            "the key would grant CloudWatch Logs nothing, so no log group or detector could use it. Allowed: at least one of: logGroupNames (non-empty), accountWide: true, anomalyDetectors: true. Fix: name the log groups the key is for, or set accountWide or anomalyDetectors.";
        await refusedAtConstruction(
            () => new LogsKey("k", {}),
            `LogsKey "k": logGroupNames is not set: ${problem}`,
        );
        await refusedAtConstruction(
            () => new LogsKey("k", { logGroupNames: [] }),
            `LogsKey "k": logGroupNames is []: ${problem}`,
        );
    });
});
