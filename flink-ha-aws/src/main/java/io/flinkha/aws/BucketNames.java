package io.flinkha.aws;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * S3's rules for general purpose bucket names, checked before anything is created.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html">Bucket naming rules</a>
 */
public final class BucketNames {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private BucketNames() {
    }

    /**
     * @param name a bucket name
     * @return what is wrong with the name, or empty when S3 would accept it
     */
    public static Optional<String> problem(String name) {
        if (name.length() < 3 || name.length() > 63) {
            return Optional.of("S3 bucket names have 3 to 63 characters (this one has " + name.length() + ")");
        }
        if (!SHAPE.matcher(name).matches()) {
            return Optional.of("S3 bucket names use only lowercase letters, digits, dots and hyphens, and begin and end with a letter or digit");
        }
        if (name.contains("..") || name.contains(".-") || name.contains("-.")) {
            return Optional.of("S3 bucket names may not contain two adjacent periods or a period next to a hyphen");
        }
        if (IP.matcher(name).matches()) {
            return Optional.of("S3 bucket names may not look like an IP address");
        }
        for (String prefix : new String[]{"xn--", "sthree-", "amzn-s3-demo-"}) {
            if (name.startsWith(prefix)) {
                return Optional.of("S3 reserves the prefix " + prefix);
            }
        }
        for (String suffix : new String[]{"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"}) {
            if (name.endsWith(suffix)) {
                return Optional.of("S3 reserves the suffix " + suffix);
            }
        }
        if (name.contains(".")) {
            // dotted names break virtual-hosted TLS, which the TLS-only bucket policy relies on
            return Optional.of("use hyphens instead of dots: dotted names break TLS with virtual-hosted addressing");
        }
        return Optional.empty();
    }
}
