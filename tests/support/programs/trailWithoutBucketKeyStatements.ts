// The case a new user hit: an EncryptedTrail (whose bucket uses an S3 Bucket Key) given a CloudTrailKey
// made without s3BucketKey, through an output the component cannot trace to the key. The
// component lets it through; the pack must refuse it at preview, naming the statement to add.
import { CloudTrailKey, EncryptedTrail } from "../../../components";

const key = new CloudTrailKey("trails", { trailName: "audit" });
new EncryptedTrail("audit", { kmsKeyArn: key.arn.apply((arn) => arn) });
