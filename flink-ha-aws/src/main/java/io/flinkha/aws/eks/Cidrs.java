package io.flinkha.aws.eks;

/** IPv4 CIDR arithmetic for carving subnets out of a VPC block. */
final class Cidrs {
    private Cidrs() {
    }

    /**
     * @param vpc        e.g. {@code 10.20.0.0/16}
     * @param extraBits  how many bits longer the subnet prefix is (4 carves 16 subnets)
     * @param index      which of those subnets
     * @return e.g. {@code 10.20.16.0/20} for index 1 of a /16 with 4 extra bits
     */
    static String subnet(String vpc, int extraBits, int index) {
        String[] parts = vpc.split("/");
        int prefix = Integer.parseInt(parts[1]);
        int newPrefix = prefix + extraBits;
        if (newPrefix > 28 || index < 0 || index >= (1 << extraBits)) {
            throw new IllegalArgumentException("cannot carve subnet " + index + " of /" + newPrefix + " from " + vpc);
        }
        long base = 0;
        for (String octet : parts[0].split("\\.")) {
            base = (base << 8) | Integer.parseInt(octet);
        }
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        long network = base & mask;
        long address = network + ((long) index << (32 - newPrefix));
        return String.format("%d.%d.%d.%d/%d", address >> 24 & 255, address >> 16 & 255, address >> 8 & 255, address & 255, newPrefix);
    }
}
