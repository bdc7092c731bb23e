/**
 * The pure validators and ARN parsers, table-driven: every boundary, every refusal with its exact
 * message.
 */
import * as assert from "node:assert/strict";
import {
    callerIsAmong,
    checkKeyLocation,
    logGroupArn,
    parseKmsKeyArn,
    parseLogGroupArn,
    validateIamPrincipalArn,
} from "../aws/arn";
import { InputError, describeValue } from "../aws/errors";

/** How an InputError shows the value it got: an argument left out is "not set". */
const shown = (value: unknown): string => (value === undefined ? "not set" : describeValue(value));
import { validatedKeySettings } from "../components/common/keySettings";
import {
    RETENTION_DAYS,
    validateAliasName,
    validateIntegerInRange,
    validateList,
    validateLogGroupName,
    validateOneOf,
    validateRetentionInDays,
} from "../components/common/validation";
import { ENCRYPTABLE_LOG_GROUP_CLASSES, EVALUATION_FREQUENCIES } from "../components/logs/enums";
import {
    BUCKET_NAME_RULES,
    TRAIL_NAME_RULES,
    checkCallerAmongAdmins,
    validateBucketName,
    validateS3KeyPrefix,
    validateTrailName,
    validatedTrailRegions,
} from "../components/cloudtrail/validation";

const UUID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const MRK = "mrk-1234abcd12ab34cd56ef1234567890ab";

function refuses(check: () => unknown, message: string): void {
    assert.throws(check, (e: Error) => {
        assert.ok(e instanceof InputError, `${e.name}: ${e.message}`);
        assert.equal(e.message, message);
        return true;
    });
}

describe("validateRetentionInDays", () => {
    it("accepts exactly the 23 values CloudWatch Logs accepts", () => {
        assert.deepEqual(
            [...RETENTION_DAYS],
            [
                0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192,
                2557, 2922, 3288, 3653,
            ],
        );
        for (const days of RETENTION_DAYS) {
            assert.equal(validateRetentionInDays(days), days);
        }
    });

    const refusals: [unknown, string][] = [
        [42, "use 30 or 60, the nearest allowed values"],
        [2, "use 1 or 3, the nearest allowed values"],
        [0.5, "use 1, the nearest allowed value"],
        [-1, "use 1, the nearest allowed value"],
        [4000, "use 3653, the nearest allowed value"],
        [366, "use 365 or 400, the nearest allowed values"],
        ["365", "use one of the allowed values"],
        [Number.NaN, "use one of the allowed values"],
        [Number.POSITIVE_INFINITY, "use one of the allowed values"],
    ];
    for (const [value, fix] of refusals) {
        it(`refuses ${describeValue(value)} and suggests: ${fix}`, () => {
            refuses(
                () => validateRetentionInDays(value),
                `retentionInDays is ${shown(value)}: CloudWatch Logs does not accept this retention period. Allowed: 0 (never expire), 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653. Fix: ${fix}.`,
            );
        });
    }

    it("names the argument it was given", () => {
        assert.throws(
            () => validateRetentionInDays(2, "cloudWatchLogs.retentionInDays"),
            /^InputError: cloudWatchLogs\.retentionInDays is 2:/,
        );
    });
});

describe("validateLogGroupName", () => {
    const allowed =
        "1 to 512 characters from a-z, A-Z, 0-9, '_', '-', '/', '.', '#', not starting with 'aws/'";
    it("accepts every allowed character and the 1- and 512-character bounds", () => {
        for (const name of ["a", "A-z_0/9.#", "/aws/x", "aws", "x".repeat(512), "#", "AWS/upper"]) {
            assert.equal(validateLogGroupName(name), name);
        }
    });
    const refusals: [unknown, string][] = [
        [
            "",
            `logGroupName is "": a log group needs a non-empty name. Allowed: ${allowed}. Fix: give a name such as '/app/orders', or omit it to use the resource name.`,
        ],
        [
            undefined,
            `logGroupName is not set: a log group needs a non-empty name. Allowed: ${allowed}. Fix: give a name such as '/app/orders', or omit it to use the resource name.`,
        ],
        [
            7,
            `logGroupName is 7: a log group needs a non-empty name. Allowed: ${allowed}. Fix: give a name such as '/app/orders', or omit it to use the resource name.`,
        ],
        [
            "x".repeat(513),
            `logGroupName is "${"x".repeat(116)}...: the name is 513 characters long, over CloudWatch Logs' limit. Allowed: ${allowed}. Fix: shorten the name to 512 characters or fewer.`,
        ],
        [
            "a b",
            `logGroupName is "a b": CloudWatch Logs rejects the character " ". Allowed: ${allowed}. Fix: replace those characters, e.g. with '-' or '/'.`,
        ],
        [
            "a:b*c:",
            `logGroupName is "a:b*c:": CloudWatch Logs rejects the characters ":", "*". Allowed: ${allowed}. Fix: replace those characters, e.g. with '-' or '/'.`,
        ],
        [
            "aws/lambda",
            `logGroupName is "aws/lambda": names starting with 'aws/' are reserved for AWS services. Allowed: ${allowed}. Fix: use another prefix, e.g. '/app/...'.`,
        ],
    ];
    for (const [value, message] of refusals) {
        it(`refuses ${describeValue(value).slice(0, 30)}`, () =>
            refuses(() => validateLogGroupName(value), message));
    }
});

describe("validateIntegerInRange, validateOneOf, validateList", () => {
    it("accepts both bounds and refuses just outside them and non-integers", () => {
        assert.equal(validateIntegerInRange("n", 7, 7, 30, "f"), 7);
        assert.equal(validateIntegerInRange("n", 30, 7, 30, "f"), 30);
        for (const bad of [6, 31, 7.5, "7", null]) {
            refuses(
                () => validateIntegerInRange("n", bad, 7, 30, "pick one"),
                `n is ${shown(bad)}: out of range. Allowed: a whole number from 7 to 30. Fix: pick one.`,
            );
        }
    });
    it("accepts listed values only", () => {
        assert.deepEqual([...ENCRYPTABLE_LOG_GROUP_CLASSES], ["STANDARD", "INFREQUENT_ACCESS"]);
        assert.deepEqual(
            [...EVALUATION_FREQUENCIES],
            ["ONE_MIN", "FIVE_MIN", "TEN_MIN", "FIFTEEN_MIN", "THIRTY_MIN", "ONE_HOUR"],
        );
        assert.equal(validateOneOf("c", "B", ["A", "B"], "p", "f"), "B");
        refuses(
            () => validateOneOf("c", "x", ["A", "B"], "not a class", "pick A"),
            `c is "x": not a class. Allowed: A, B. Fix: pick A.`,
        );
        // A listed value in the wrong case is a spelling, not a choice.
        refuses(
            () => validateOneOf("c", "b", ["A", "B"], "not a class", "pick A"),
            `c is "b": the allowed values are case-sensitive. Allowed: A, B. Fix: did you mean "B"? Write c: "B".`,
        );
        refuses(
            () =>
                validateOneOf(
                    "c",
                    "infrequent-access",
                    ["STANDARD", "INFREQUENT_ACCESS"],
                    "p",
                    "f",
                ),
            `c is "infrequent-access": the allowed values are case-sensitive. Allowed: STANDARD, INFREQUENT_ACCESS. Fix: did you mean "INFREQUENT_ACCESS"? Write c: "INFREQUENT_ACCESS".`,
        );
    });
    it("accepts arrays and refuses anything else", () => {
        assert.deepEqual(validateList("l", []), []);
        refuses(
            () => validateList("l", "a"),
            `l is "a": expected a list. Allowed: an array of strings. Fix: pass a list, e.g. l: ["..."].`,
        );
    });
});

describe("validateAliasName", () => {
    const allowed =
        "'alias/' followed by 1 to 250 characters from a-z, A-Z, 0-9, '/', '_', '-', not starting with 'alias/aws/'";
    it("adds the alias/ prefix when missing and keeps it when present", () => {
        assert.equal(validateAliasName("logs/orders"), "alias/logs/orders");
        assert.equal(validateAliasName("alias/logs_orders-1"), "alias/logs_orders-1");
        assert.equal(validateAliasName("a".repeat(250)), `alias/${"a".repeat(250)}`);
    });
    const refusals: [unknown, string][] = [
        [
            "",
            `alias is "": an alias needs a non-empty name. Allowed: ${allowed}. Fix: give a name such as 'alias/orders-logs', or omit the alias.`,
        ],
        [
            "alias/",
            `alias is "alias/": KMS rejects this alias name. Allowed: ${allowed}. Fix: use only letters, digits, '/', '_' and '-'.`,
        ],
        [
            "a".repeat(251),
            `alias is ${describeValue("a".repeat(251))}: KMS rejects this alias name. Allowed: ${allowed}. Fix: use only letters, digits, '/', '_' and '-'.`,
        ],
        [
            "my.alias",
            `alias is "my.alias": KMS rejects this alias name. Allowed: ${allowed}. Fix: use only letters, digits, '/', '_' and '-'.`,
        ],
        [
            "alias/aws/x",
            `alias is "alias/aws/x": aliases starting with 'alias/aws/' are reserved for AWS managed keys. Allowed: ${allowed}. Fix: choose another name, e.g. 'alias/logs/orders'.`,
        ],
    ];
    for (const [value, message] of refusals) {
        it(`refuses ${describeValue(value).slice(0, 20)}`, () =>
            refuses(() => validateAliasName(value), message));
    }
});

describe("validatedKeySettings", () => {
    it("applies the safe defaults", () => {
        assert.deepEqual(validatedKeySettings({}), {
            enableKeyRotation: true,
            rotationPeriodInDays: undefined,
            deletionWindowInDays: 30,
            retainOnDelete: true,
            alias: undefined,
        });
    });
    it("keeps explicit choices", () => {
        assert.deepEqual(
            validatedKeySettings({
                enableKeyRotation: true,
                rotationPeriodInDays: 2560,
                deletionWindowInDays: 7,
                retainOnDelete: false,
                alias: "x",
            }),
            {
                enableKeyRotation: true,
                rotationPeriodInDays: 2560,
                deletionWindowInDays: 7,
                retainOnDelete: false,
                alias: "alias/x",
            },
        );
        assert.equal(validatedKeySettings({ rotationPeriodInDays: 90 }).rotationPeriodInDays, 90);
        assert.equal(validatedKeySettings({ enableKeyRotation: false }).enableKeyRotation, false);
    });
});

describe("parseKmsKeyArn", () => {
    const form = "arn:<partition>:kms:<region>:<account>:key/<key-id>";
    it("reads a key ARN and a multi-Region key ARN", () => {
        assert.deepEqual(
            parseKmsKeyArn("k", `arn:aws-cn:kms:cn-north-1:111122223333:key/${UUID}`),
            {
                arn: `arn:aws-cn:kms:cn-north-1:111122223333:key/${UUID}`,
                partition: "aws-cn",
                region: "cn-north-1",
                accountId: "111122223333",
                keyId: UUID,
                multiRegion: false,
            },
        );
        assert.equal(
            parseKmsKeyArn("k", `arn:aws:kms:us-east-1:111122223333:key/${MRK}`).multiRegion,
            true,
        );
    });
    const need = "CloudWatch Logs takes only a key ARN as kmsKeyId";
    const refusals: [unknown, string][] = [
        [
            undefined,
            `k is not set: a KMS key ARN is required here. Allowed: ${form}. Fix: pass the key's ARN, e.g. a LogsKey's \`arn\` output or an aws.kms.Key's \`arn\`.`,
        ],
        [
            "",
            `k is "": a KMS key ARN is required here. Allowed: ${form}. Fix: pass the key's ARN, e.g. a LogsKey's \`arn\` output or an aws.kms.Key's \`arn\`.`,
        ],
        [
            "alias/x",
            `k is "alias/x": this is an alias name, not a key ARN; ${need}. Allowed: ${form}. Fix: look the key up with aws.kms.getAliasOutput({ name }).targetKeyArn and pass that.`,
        ],
        [
            UUID,
            `k is "${UUID}": this is a bare key id, not a key ARN; ${need}. Allowed: ${form}. Fix: pass the key's \`arn\` output instead of its \`keyId\` or \`id\`.`,
        ],
        [
            MRK,
            `k is "${MRK}": this is a bare key id, not a key ARN; ${need}. Allowed: ${form}. Fix: pass the key's \`arn\` output instead of its \`keyId\` or \`id\`.`,
        ],
        ["key/x", `k is "key/x": not an ARN. Allowed: ${form}. Fix: pass the key's ARN.`],
        [
            "arn:aws:kms:us-east-1:111122223333:alias/x",
            `k is "arn:aws:kms:us-east-1:111122223333:alias/x": this is an alias ARN, not a key ARN; ${need}. Allowed: ${form}. Fix: resolve the alias with aws.kms.getAliasOutput({ name }).targetKeyArn and pass that.`,
        ],
    ];
    for (const [value, message] of refusals) {
        it(`refuses ${describeValue(value)}`, () =>
            refuses(() => parseKmsKeyArn("k", value), message));
    }
    const notKeys = [
        `arn:aws:s3:us-east-1:111122223333:key/${UUID}`,
        "arn:aws:kms:us-east-1:111122223333:key/not-a-uuid",
        `arn:aws:kms:us-east-1:111122223333:key/${UUID.toUpperCase()}`,
        `arn:aws:kms:us-east-1:111122223333:key/${UUID}x`,
        `arn:aws:kms:us-east-1:1111:key/${UUID}`,
        `arn:aws:kms::111122223333:key/${UUID}`,
        `arn::kms:us-east-1:111122223333:key/${UUID}`,
        `arn:aws:kms:us-east-1:111122223333:${UUID}`,
    ];
    for (const value of notKeys) {
        it(`refuses ${value} as not a KMS key ARN`, () =>
            refuses(
                () => parseKmsKeyArn("k", value),
                `k is "${value}": not a KMS key ARN. Allowed: ${form}. Fix: pass the ARN of a KMS key (service 'kms', resource 'key/<id>').`,
            ));
    }
});

describe("checkKeyLocation", () => {
    const where = { partition: "aws", region: "us-east-1" };
    it("accepts a key of the same partition and region", () => {
        assert.equal(
            checkKeyLocation(
                "k",
                `arn:aws:kms:us-east-1:999988887777:key/${UUID}`,
                where,
                "the group",
            ).accountId,
            "999988887777",
        );
    });
    it("refuses another partition, then another region, with the fix", () => {
        refuses(
            () =>
                checkKeyLocation(
                    "k",
                    `arn:aws-cn:kms:us-east-1:111122223333:key/${UUID}`,
                    where,
                    "the group",
                ),
            `k is "arn:aws-cn:kms:us-east-1:111122223333:key/${UUID}": the key is in partition 'aws-cn' but the group is in partition 'aws'. Allowed: a key ARN in partition 'aws'. Fix: use a key created in aws/us-east-1.`,
        );
        refuses(
            () =>
                checkKeyLocation(
                    "k",
                    `arn:aws:kms:us-east-2:111122223333:key/${UUID}`,
                    where,
                    "the group",
                ),
            `k is "arn:aws:kms:us-east-2:111122223333:key/${UUID}": the key is in region 'us-east-2' but the group is in region 'us-east-1'; the service can only use a key in its own region. Allowed: a key ARN in region 'us-east-1'. Fix: create a key in us-east-1 (e.g. a LogsKey with that region's provider) and pass its ARN.`,
        );
    });
});

describe("log group ARNs", () => {
    it("builds the encryption-context ARN from the name", () => {
        assert.equal(
            logGroupArn(
                {
                    partition: "aws-us-gov",
                    region: "us-gov-west-1",
                    accountId: "111122223333",
                    dnsSuffix: "amazonaws.com",
                },
                "/a/b",
            ),
            "arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:/a/b",
        );
    });
    it("parses a log group ARN with or without the trailing :*", () => {
        for (const arn of [
            "arn:aws:logs:us-east-1:111122223333:log-group:/a/b",
            "arn:aws:logs:us-east-1:111122223333:log-group:/a/b:*",
        ]) {
            assert.deepEqual(parseLogGroupArn("g", arn), {
                arn,
                partition: "aws",
                region: "us-east-1",
                accountId: "111122223333",
                logGroupName: "/a/b",
            });
        }
    });
    const form = "arn:<partition>:logs:<region>:<account>:log-group:<name>";
    const fix = "pass an EncryptedLogGroup's or aws.cloudwatch.LogGroup's `arn` output";
    for (const value of [
        "arn:aws:logs:us-east-1:111122223333:anomaly-detector:x",
        "arn:aws:logs:us-east-1:111122223333:log-group:",
        "arn:aws:logs:us-east-1:111122223333:log-group::*",
        "arn:aws:logs::111122223333:log-group:a",
        "arn:aws:logs:us-east-1:12:log-group:a",
        "arn:aws:s3:us-east-1:111122223333:log-group:a",
    ]) {
        it(`refuses ${value}`, () =>
            refuses(
                () => parseLogGroupArn("g", value),
                `g is "${value}": not a CloudWatch Logs log group ARN. Allowed: ${form}. Fix: ${fix}.`,
            ));
    }
    it("refuses a non-ARN", () =>
        refuses(
            () => parseLogGroupArn("g", "/a/b"),
            `g is "/a/b": a log group ARN is required here. Allowed: ${form}. Fix: ${fix}.`,
        ));
});

describe("validateIamPrincipalArn", () => {
    const form = "arn:<partition>:iam::<account>:root | role/<name> | user/<name>";
    it("accepts roots, roles (with paths) and users", () => {
        for (const arn of [
            "arn:aws:iam::111122223333:root",
            "arn:aws:iam::111122223333:role/a/b",
            "arn:aws:iam::111122223333:user/u",
        ]) {
            assert.equal(validateIamPrincipalArn("p", arn, "aws"), arn);
        }
    });
    for (const value of [
        "arn:aws:sts::111122223333:assumed-role/r/s",
        "arn:aws:iam:us-east-1:111122223333:role/r",
        "arn:aws:iam::1111:role/r",
        "arn:aws:iam::111122223333:group/g",
        "arn:aws:iam::111122223333:role/",
    ]) {
        it(`refuses ${value}`, () =>
            refuses(
                () => validateIamPrincipalArn("p", value),
                `p is "${value}": not an IAM role, user or account-root ARN. Allowed: ${form}. Fix: pass the ARN of an IAM role, user or account root (not an STS session ARN).`,
            ));
    }
    it("refuses a non-ARN and another partition", () => {
        refuses(
            () => validateIamPrincipalArn("p", "111122223333"),
            `p is "111122223333": an IAM principal ARN is required here. Allowed: ${form}. Fix: pass the ARN of an IAM role, user or account root, e.g. a role's \`arn\` output.`,
        );
        refuses(
            () => validateIamPrincipalArn("p", "arn:aws:iam::111122223333:root", "aws-cn"),
            `p is "arn:aws:iam::111122223333:root": the principal is in partition 'aws' but the key is in partition 'aws-cn'. Allowed: an IAM ARN in partition 'aws-cn'. Fix: use a principal from aws-cn.`,
        );
    });
});

describe("describeValue", () => {
    it("renders values for messages, shortened, without ever throwing", () => {
        assert.equal(describeValue(undefined), "undefined");
        assert.equal(describeValue("a"), '"a"');
        assert.equal(describeValue(12n), '"12n"');
        assert.equal(describeValue("x".repeat(200)), `"${"x".repeat(116)}...`);
        assert.equal(describeValue("x".repeat(118)).length, 120);
        const cyclic: Record<string, unknown> = {};
        cyclic.self = cyclic;
        assert.equal(describeValue(cyclic), "[object Object]");
        assert.equal(describeValue(Symbol("s")), "Symbol(s)");
        assert.equal(
            describeValue(() => 1),
            "() => 1",
        );
    });
});

describe("edge cases found by mutation testing", () => {
    it("refuses an alias-shaped resource of another service as not a KMS key ARN", () => {
        refuses(
            () => parseKmsKeyArn("k", "arn:aws:s3:::alias/x"),
            `k is "arn:aws:s3:::alias/x": not a KMS key ARN. Allowed: arn:<partition>:kms:<region>:<account>:key/<key-id>. Fix: pass the ARN of a KMS key (service 'kms', resource 'key/<id>').`,
        );
    });
    it("needs exactly 12 digits in an account id", () => {
        for (const account of ["1111222233334", "x111122223333", "11112222333x"]) {
            assert.throws(
                () => parseKmsKeyArn("k", `arn:aws:kms:us-east-1:${account}:key/${UUID}`),
                /not a KMS key ARN/,
            );
        }
    });
    it("keeps everything after log-group: but a trailing :* in a log group name", () => {
        assert.equal(
            parseLogGroupArn("g", "arn:aws:logs:us-east-1:111122223333:log-group:a:*b")
                .logGroupName,
            "a:*b",
        );
    });
    it("refuses IAM-shaped resources of other services and resources only containing root/role/user", () => {
        for (const value of [
            "arn:aws:sts::111122223333:role/x",
            "arn:aws:iam::111122223333:xroot",
            "arn:aws:iam::111122223333:rootx",
            "arn:aws:iam::111122223333:xrole/r",
        ]) {
            assert.throws(
                () => validateIamPrincipalArn("p", value),
                /not an IAM role, user or account-root ARN/,
            );
        }
        assert.equal(
            validateIamPrincipalArn("p", "arn:aws:iam::111122223333:user/alice"),
            "arn:aws:iam::111122223333:user/alice",
        );
    });
    it("accepts a principal of any partition when none is required", () => {
        assert.equal(
            validateIamPrincipalArn("p", "arn:aws-cn:iam::111122223333:root"),
            "arn:aws-cn:iam::111122223333:root",
        );
    });
    it("does not shorten a 120-character rendering", () => {
        assert.equal(describeValue("x".repeat(118)), `"${"x".repeat(118)}"`);
    });
    it("explains a rotation period without rotation in full", () => {
        refuses(
            () => validatedKeySettings({ rotationPeriodInDays: 180, enableKeyRotation: false }),
            "rotationPeriodInDays is 180: a rotation period needs automatic rotation, but enableKeyRotation is false. Allowed: rotationPeriodInDays together with enableKeyRotation: true. Fix: remove rotationPeriodInDays, or set enableKeyRotation to true.",
        );
    });
});

describe("validateTrailName", () => {
    it("accepts the 3- and 128-character bounds and every allowed character", () => {
        for (const name of ["abc", "A1z", "org.audit_trail-1", "x".repeat(128), "1-2"]) {
            assert.equal(validateTrailName(name), name);
        }
    });
    const fix3 = "use a name of 3 to 128 characters";
    const refusals: [unknown, string, string][] = [
        [
            "",
            "a trail needs a name",
            "give a name such as 'org-audit', or omit it to use the resource name",
        ],
        [
            undefined,
            "a trail needs a name",
            "give a name such as 'org-audit', or omit it to use the resource name",
        ],
        ["ab", "the name is 2 characters long", fix3],
        ["x".repeat(129), "the name is 129 characters long", fix3],
        [
            "my trail",
            'CloudTrail rejects the character " "',
            "replace those characters, e.g. with '-'",
        ],
        [
            "a/b:c",
            'CloudTrail rejects the characters "/", ":"',
            "replace those characters, e.g. with '-'",
        ],
        [
            "-trail",
            "the name must start and end with a letter or digit",
            "remove the leading or trailing '.', '_' or '-'",
        ],
        [
            "trail.",
            "the name must start and end with a letter or digit",
            "remove the leading or trailing '.', '_' or '-'",
        ],
        [
            "my-_trail",
            "'-_' puts two of '.', '_', '-' next to each other",
            "keep a letter or digit between separators, e.g. 'my-trail' instead of 'my-_trail'",
        ],
        [
            "my--trail",
            "'--' puts two of '.', '_', '-' next to each other",
            "keep a letter or digit between separators, e.g. 'my-trail' instead of 'my-_trail'",
        ],
        [
            "my._trail",
            "'._' puts two of '.', '_', '-' next to each other",
            "keep a letter or digit between separators, e.g. 'my-trail' instead of 'my-_trail'",
        ],
        ["192.168.5.4", "the name looks like an IP address", "use a name with letters in it"],
    ];
    for (const [value, problem, fix] of refusals) {
        it(`refuses ${describeValue(value).slice(0, 30)}`, () =>
            refuses(
                () => validateTrailName(value),
                `trailName is ${shown(value)}: ${problem}. Allowed: ${TRAIL_NAME_RULES}. Fix: ${fix}.`,
            ));
    }
});

describe("validateBucketName", () => {
    it("accepts the 3- and 63-character bounds, dots and dashes", () => {
        for (const name of [
            "abc",
            "a.b-c",
            "x".repeat(63),
            "acme-audit-logs-111122223333",
            "1.2.3",
        ]) {
            assert.equal(validateBucketName(name), name);
        }
    });
    const refusals: [unknown, string, string][] = [
        [
            "",
            "a bucket needs a name",
            "give a globally unique name such as 'acme-audit-logs-111122223333', or omit it to let Pulumi generate one",
        ],
        ["ab", "the name is 2 characters long", "use 3 to 63 characters"],
        ["x".repeat(64), "the name is 64 characters long", "use 3 to 63 characters"],
        [
            "Audit",
            'S3 rejects the character "A"',
            "use only lowercase letters, digits, '.' and '-', e.g. 'audit'",
        ],
        [
            "a_b",
            'S3 rejects the character "_"',
            "use only lowercase letters, digits, '.' and '-', e.g. 'a-b'",
        ],
        // The suggestion must itself be accepted (it once offered 'my_bucket').
        [
            "My_Bucket",
            'S3 rejects the characters "M", "_", "B"',
            "use only lowercase letters, digits, '.' and '-', e.g. 'my-bucket'",
        ],
        // Nothing S3 accepts can be made of it: no suggestion.
        ["___", 'S3 rejects the character "_"', "use only lowercase letters, digits, '.' and '-'"],
        [
            "-abc",
            "the name must start and end with a letter or digit",
            "remove the leading or trailing '.' or '-'",
        ],
        [
            "abc.",
            "the name must start and end with a letter or digit",
            "remove the leading or trailing '.' or '-'",
        ],
        ["a..b", "the name has two adjacent periods", "replace '..' with '.'"],
        ["192.168.5.4", "the name looks like an IP address", "use a name with letters in it"],
        ["xn--abc", "names starting with 'xn--' are reserved", "choose another prefix"],
        ["sthree-abc", "names starting with 'sthree-' are reserved", "choose another prefix"],
        ["logs-s3alias", "names ending with '-s3alias' are reserved", "choose another ending"],
        ["logs--ol-s3", "names ending with '--ol-s3' are reserved", "choose another ending"],
    ];
    for (const [value, problem, fix] of refusals) {
        it(`refuses ${describeValue(value).slice(0, 30)}`, () =>
            refuses(
                () => validateBucketName(value),
                `bucketName is ${shown(value)}: ${problem}. Allowed: ${BUCKET_NAME_RULES}. Fix: ${fix}.`,
            ));
    }
});

describe("validateS3KeyPrefix and validatedTrailRegions", () => {
    const allowed = "1 to 200 characters, without a leading or trailing '/', e.g. 'org/audit'";
    it("accepts a prefix with inner slashes", () => {
        assert.equal(validateS3KeyPrefix("org/audit"), "org/audit");
        assert.equal(validateS3KeyPrefix("x".repeat(200)), "x".repeat(200));
    });
    const slash =
        "CloudTrail adds the '/' itself, so a leading or trailing slash puts the logs under a key the bucket policy does not name";
    const refusals: [unknown, string, string][] = [
        ["/audit", slash, "use 'audit'"],
        ["audit/", slash, "use 'audit'"],
        ["/org/audit/", slash, "use 'org/audit'"],
        ["/", slash, "omit s3KeyPrefix"],
        [
            "",
            "an empty prefix is not a prefix",
            "omit s3KeyPrefix to write directly under AWSLogs/",
        ],
        [
            "x".repeat(201),
            "the prefix is 201 characters long, over CloudTrail's limit",
            "shorten the prefix",
        ],
    ];
    for (const [value, problem, fix] of refusals) {
        it(`refuses the prefix ${describeValue(value).slice(0, 30)}`, () =>
            refuses(
                () => validateS3KeyPrefix(value),
                `s3KeyPrefix is ${shown(value)}: ${problem}. Allowed: ${allowed}. Fix: ${fix}.`,
            ));
    }

    it("defaults to a multi-Region trail with global service events, and allows single-Region without them", () => {
        assert.deepEqual(validatedTrailRegions({}), {
            isMultiRegionTrail: true,
            includeGlobalServiceEvents: true,
        });
        assert.deepEqual(
            validatedTrailRegions({ isMultiRegionTrail: false, includeGlobalServiceEvents: false }),
            { isMultiRegionTrail: false, includeGlobalServiceEvents: false },
        );
    });

    it("refuses a multi-Region trail without global service events", () =>
        refuses(
            () => validatedTrailRegions({ includeGlobalServiceEvents: false }),
            "includeGlobalServiceEvents is false: a multi-Region trail must include global service events (CloudTrail rejects it with InvalidParameterCombinationException). Allowed: includeGlobalServiceEvents: true with isMultiRegionTrail: true (the default). Fix: remove includeGlobalServiceEvents: false, or set isMultiRegionTrail: false for a single-Region trail.",
        ));
});

describe("callerIsAmong and checkCallerAmongAdmins", () => {
    const role = "arn:aws:iam::111122223333:role/ops/key-admin";
    const user = "arn:aws:iam::111122223333:user/people/ana";
    const root = "arn:aws:iam::111122223333:root";
    const cases: [string, string, string[], boolean | undefined][] = [
        [
            "a session of a listed role (path ignored)",
            "arn:aws:sts::111122223333:assumed-role/key-admin/ci",
            [role],
            true,
        ],
        [
            "a session of another role",
            "arn:aws:sts::111122223333:assumed-role/key-admin2/ci",
            [role],
            false,
        ],
        ["a listed user", "arn:aws:iam::111122223333:user/ana", [user], true],
        [
            "a user named like a listed role",
            "arn:aws:iam::111122223333:user/key-admin",
            [role],
            false,
        ],
        [
            "a role session named like a listed user",
            "arn:aws:sts::111122223333:assumed-role/ana/s",
            [user],
            false,
        ],
        [
            "anyone of the account when the root is listed",
            "arn:aws:sts::111122223333:assumed-role/x/s",
            [role, root],
            true,
        ],
        [
            "the same role name in another account",
            "arn:aws:sts::999988887777:assumed-role/key-admin/ci",
            [role],
            false,
        ],
        [
            "the same role name in another partition",
            "arn:aws-cn:sts::111122223333:assumed-role/key-admin/ci",
            [role],
            false,
        ],
        [
            "the root user when only a role is listed",
            "arn:aws:iam::111122223333:root",
            [role],
            false,
        ],
        ["the root user when the root is listed", "arn:aws:iam::111122223333:root", [root], true],
        [
            "a federated user (no principal a key policy can name)",
            "arn:aws:sts::111122223333:federated-user/bob",
            [role],
            undefined,
        ],
        ["a caller ARN that is not an ARN", "deployer", [role], undefined],
        [
            "an admin entry that is not an ARN",
            "arn:aws:sts::111122223333:assumed-role/key-admin/ci",
            ["key-admin"],
            false,
        ],
    ];
    for (const [what, caller, admins, expected] of cases) {
        it(`${expected === undefined ? "cannot tell" : expected ? "accepts" : "refuses"} ${what}`, () => {
            assert.equal(callerIsAmong(caller, admins), expected);
        });
    }

    it("returns the admins when the caller is among them, or when it cannot tell", () => {
        assert.deepEqual(
            checkCallerAmongAdmins([role], "arn:aws:sts::111122223333:assumed-role/key-admin/ci"),
            [role],
        );
        assert.deepEqual(
            checkCallerAmongAdmins([role], "arn:aws:sts::111122223333:federated-user/bob"),
            [role],
        );
    });

    it("refuses admins without the caller, naming the argument, the caller and the fix", () => {
        assert.throws(
            () =>
                checkCallerAmongAdmins(
                    [role],
                    "arn:aws:sts::111122223333:assumed-role/deployer/ci",
                ),
            (e: Error) => {
                assert.ok(e instanceof InputError);
                assert.equal(
                    e.message,
                    "keyAdminArns is [\"arn:aws:iam::111122223333:role/ops/key-admin\"]: whoever runs pulumi up (arn:aws:sts::111122223333:assumed-role/deployer/ci) is not among them, so nothing in the key policy lets it kms:Decrypt, which CloudTrail requires of the caller that creates or updates a trail whose bucket uses an S3 Bucket Key (and KMS refuses a key policy its creator could not change again). Allowed: admins that include the role or user running pulumi up, or the account root. Fix: add that role's or user's ARN to keyAdminArns, or omit keyAdminArns so the account root (and IAM) administers the key.",
                );
                return true;
            },
        );
    });
});
