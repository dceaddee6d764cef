// Evaluates the pack's policies against resources the way the Pulumi engine's policy analyzer
// does: resource policies per resource, stack policies over all of them, props behind the SDK's
// own unknown-checking proxy, enforcement levels from a policy-pack config file.
import { EnforcementLevel, PolicyPackConfig, PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

// The SDK's own unknown sentinel and proxy: the same module the engine's policy analyzer uses.
// They are @internal, so their typings are stripped; the runtime exports are stable across 1.x.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const sdkProxy = require("@pulumi/policy/proxy") as {
    unknownCheckingProxy<T>(props: T): T;
    UnknownValueError: new (...args: any[]) => Error;
    unknownStringValue: unknown;
};
const { unknownCheckingProxy, UnknownValueError, unknownStringValue } = sdkProxy;

/** How the offline plan prints a value known only after deployment. */
export const PLAN_UNKNOWN = "<known after deploy>";

export interface Violation {
    policy: string;
    level: EnforcementLevel;
    urn?: string;
    message: string;
}

export interface Skipped {
    policy: string;
    urn?: string;
    reason: string;
}

export interface Result {
    violations: Violation[];
    skipped: Skipped[];
}

type AnyPolicy = ResourceValidationPolicy | StackValidationPolicy;

/** Plan values known only after deployment become the engine's unknown sentinel. */
export function engineValue(v: any): any {
    if (v === PLAN_UNKNOWN) {
        return unknownStringValue;
    }
    if (Array.isArray(v)) {
        return v.map(engineValue);
    }
    if (v && typeof v === "object") {
        const out: Record<string, any> = {};
        for (const [k, x] of Object.entries(v)) {
            out[k] = engineValue(x);
        }
        return out;
    }
    return v;
}

/** Resources of a plan in the shape of `pulumi preview --json` (the offline plan's, or the CLI's). */
export function resourcesFromPlan(plan: any): PolicyResource[] {
    return (plan.steps || [])
        .filter((s: any) => s.op !== "delete" && s.newState)
        .map((s: any) => {
            const state = s.newState;
            return {
                type: state.type,
                urn: state.urn,
                name: String(state.urn).split("::").pop(),
                props: engineValue(state.inputs || {}),
                opts: { protect: !!state.protect, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [], parent: state.parent },
                dependencies: [],
                propertyDependencies: {},
                isType: () => false,
                asType: () => undefined,
            } as unknown as PolicyResource;
        });
}

/** The level a policy runs at: its own entry in the config, then "all", then its default. */
export function levelOf(policy: AnyPolicy, config: PolicyPackConfig): EnforcementLevel {
    const own = config[policy.name];
    if (typeof own === "string") {
        return own;
    }
    if (own && typeof own === "object" && own.enforcementLevel) {
        return own.enforcementLevel;
    }
    const all = config["all"];
    if (typeof all === "string") {
        return all;
    }
    if (all && typeof all === "object" && all.enforcementLevel) {
        return all.enforcementLevel;
    }
    return policy.enforcementLevel || "mandatory";
}

function isStackPolicy(p: AnyPolicy): p is StackValidationPolicy {
    return (p as StackValidationPolicy).validateStack !== undefined;
}

export async function evaluate(resources: PolicyResource[], policies: AnyPolicy[], config: PolicyPackConfig = {}): Promise<Result> {
    const result: Result = { violations: [], skipped: [] };
    const proxied = resources.map(r => ({ ...r, props: unknownCheckingProxy(r.props) }));
    const notApplicable = (reason?: string): never => {
        throw new NotApplicable(reason);
    };
    for (const policy of policies) {
        const level = levelOf(policy, config);
        if (level === "disabled") {
            continue;
        }
        const getConfig = () => (typeof config[policy.name] === "object" ? config[policy.name] : {}) as any;
        const run = async (urn: string | undefined, fn: (report: (message: string, urn?: string) => void) => any) => {
            try {
                await fn((message, at) => result.violations.push({ policy: policy.name, level, urn: at || urn, message }));
            } catch (e) {
                if (e instanceof UnknownValueError) {
                    result.skipped.push({ policy: policy.name, urn, reason: `can't run during preview: ${(e as Error).message}` });
                } else if (e instanceof NotApplicable) {
                    result.skipped.push({ policy: policy.name, urn, reason: `not applicable: ${(e as Error).message}` });
                } else {
                    throw e;
                }
            }
        };
        if (isStackPolicy(policy)) {
            await run(undefined, report => policy.validateStack!({ resources: proxied, stackTags: new Map(), getConfig, notApplicable }, report));
            continue;
        }
        const validations = policy.validateResource === undefined ? [] : Array.isArray(policy.validateResource)
            ? policy.validateResource : [policy.validateResource];
        for (const r of proxied) {
            for (const validate of validations) {
                await run(r.urn, report => validate({
                    type: r.type, props: r.props, urn: r.urn, name: r.name, opts: r.opts, stackTags: new Map(),
                    isType: () => false, asType: () => undefined, getConfig, notApplicable,
                } as any, report));
            }
        }
    }
    return result;
}

class NotApplicable extends Error {
    constructor(reason?: string) {
        super(reason || "");
    }
}
