// Offline policy check: `npm --prefix policies run check -- <plan.json> --env <environment>`.
// Runs the JavaScript that `npm ci` (the pack's `prepare` script) or `npm run build` compiled; it does not
// recompile on every check.
// Reads a plan (the offline plan's JSON, or `pulumi preview --json`), evaluates every policy at the
// level policies/config/<environment>.json gives it, prints each violation, and exits non-zero when
// a mandatory policy is violated.
import * as fs from "fs";
import * as path from "path";
import { policies } from "./policies";
import { evaluate, resourcesFromPlan } from "./evaluate";

function usage(message: string): never {
    console.error(`error: ${message}`);
    console.error("usage: npm --prefix policies run check -- <plan.json> (--env <environment> | --config <file>)");
    process.exit(2);
}

async function main(argv: string[]): Promise<number> {
    let planFile: string | undefined;
    let env: string | undefined;
    let ownConfig: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--env") {
            env = argv[++i];
        } else if (argv[i] === "--config") {
            // a consumer repository keeps its own levels and state lock, in the shape of config/<env>.json
            ownConfig = argv[++i];
        } else if (!planFile) {
            planFile = argv[i];
        } else {
            usage(`unexpected argument '${argv[i]}'`);
        }
    }
    if (!planFile || !env === !ownConfig) {
        usage("a plan file and one of --env <environment> or --config <file> are required");
    }
    const configDir = path.resolve(__dirname, "..", "..", "config");
    const configFile = ownConfig ? path.resolve(process.env.INIT_CWD || process.cwd(), ownConfig) : path.join(configDir, `${env}.json`);
    if (ownConfig && !fs.existsSync(configFile)) {
        usage(`no policy config at ${configFile}`);
    }
    if (!fs.existsSync(configFile)) {
        const known = fs.readdirSync(configDir).filter(f => f.endsWith(".json")).map(f => f.replace(/\.json$/, ""));
        usage(`no policy config for environment '${env}' (${configFile}); environments: ${known.join(", ")}`);
    }
    const planPath = path.resolve(process.env.INIT_CWD || process.cwd(), planFile);
    if (!fs.existsSync(planPath)) {
        usage(`no plan file at ${planPath}; write one with \`java -jar target/flink-ha.jar plan <stack> --json > plan.json\``);
    }
    let plan: any;
    try {
        plan = JSON.parse(fs.readFileSync(planPath, "utf8"));
    } catch (e) {
        usage(`${planPath} is not JSON (${e instanceof Error ? e.message : e}); expected the output of \`plan <stack> --json\` or \`pulumi preview --json\``);
    }
    const planEnv = plan && plan.config ? plan.config["flink-ha:environment"] : undefined;
    if (env && typeof planEnv === "string" && planEnv !== env) {
        console.error(`warning: the plan is of environment '${planEnv}' but --env is '${env}': the policies run at ${env}'s levels and state locks`);
    }
    const config = JSON.parse(fs.readFileSync(configFile, "utf8"));
    const resources = resourcesFromPlan(plan);
    const { violations, skipped } = await evaluate(resources, policies, config);

    for (const v of violations) {
        console.log(`[${v.level}] ${v.policy}: ${v.urn || "(stack)"}\n    ${v.message}`);
    }
    for (const s of skipped) {
        console.log(`[skipped] ${s.policy}: ${s.urn || "(stack)"}\n    ${s.reason}`);
    }
    const mandatory = violations.filter(v => v.level === "mandatory").length;
    console.log(`policy check of ${path.basename(planPath)} for '${env ?? path.basename(configFile)}': ${resources.length} resources, ${policies.length} policies, `
        + `${violations.length} violations (${mandatory} mandatory), ${skipped.length} skipped`);
    return mandatory > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(code => process.exit(code), e => {
    // user mistakes exit through usage(); anything that lands here is a defect of the runner
    console.error(`error: the policy runner failed (a bug; please report it with this trace):\n${e && e.stack ? e.stack : e}`);
    process.exit(3);
});
