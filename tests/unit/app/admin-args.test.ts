import { describe, expect, it } from "vitest";
import { ADMIN_USAGE, parseAdminArgs } from "@/lib/cli/admin-args";

describe("npm run admin:create arguments", () => {
  it("reads --email and --name, as two words or with =", () => {
    expect(parseAdminArgs(["--email", "ada@ntnu.no", "--name", "Ada Administrator"])).toEqual({ email: "ada@ntnu.no", name: "Ada Administrator", ifNoAdmin: false, migrate: true });
    expect(parseAdminArgs(["--name=Ada A", "--email=ada@ntnu.no", "--if-no-admin", "--no-migrate"])).toEqual({ email: "ada@ntnu.no", name: "Ada A", ifNoAdmin: true, migrate: false });
  });

  it("says how to use it when something is missing or unknown", () => {
    expect(parseAdminArgs([])).toEqual({ error: ADMIN_USAGE });
    expect(parseAdminArgs(["--email", "ada@ntnu.no"])).toEqual({ error: ADMIN_USAGE });
    expect(parseAdminArgs(["--email", "--name", "Ada"])).toEqual({ error: `--email mangler en verdi.\n${ADMIN_USAGE}` });
    expect(parseAdminArgs(["--email", "ada@ntnu.no", "--name", " "])).toEqual({ error: `--name mangler en verdi.\n${ADMIN_USAGE}` });
    expect(parseAdminArgs(["--password", "hemmelig"])).toEqual({ error: `Ukjent argument: --password\n${ADMIN_USAGE}` });
  });
});
