package io.flinkha.flink.check;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** Args over args, for {@link PlainInputsTest}: top-level, so the test reads their private fields only if made readable. */
@SuppressWarnings("unused")
final class TwoLevelArgs extends BaseArgs {
    @Import(name = "STATIC")
    private static final String CONSTANT = "never an input";
    @Import(name = "own")
    private final String own = "o";
    private final String notAnInput = "n";
}

@SuppressWarnings("unused")
class BaseArgs extends ResourceArgs {
    @Import(name = "inherited")
    private final String base = "b";
}
