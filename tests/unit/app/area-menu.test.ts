import { describe, expect, it } from "vitest";
import { currentLink } from "@/components/area-menu";

const links = [
  { href: "/veileder", label: "Oversikt" },
  { href: "/veileder/opptak", label: "Opptak" },
  { href: "/veileder/opptak/klager", label: "Opptaksklager" },
  { href: "/veileder/studenter", label: "Studenter" },
];

describe("the area menu's current page", () => {
  it("is the longest link the path starts with, at a path segment", () => {
    expect(currentLink(links, "/veileder")?.label).toBe("Oversikt");
    expect(currentLink(links, "/veileder/opptak")?.label).toBe("Opptak");
    expect(currentLink(links, "/veileder/opptak/c123/soknad/c456")?.label).toBe("Opptak");
    expect(currentLink(links, "/veileder/opptak/klager")?.label).toBe("Opptaksklager");
    expect(currentLink(links, "/veileder/studenter/c9")?.label).toBe("Studenter");
    // «/veileder/studenterliste» is not under «/veileder/studenter».
    expect(currentLink(links, "/veileder/studenterliste")?.label).toBe("Oversikt");
    expect(currentLink(links, "/kull/c1/oppmote")).toBeNull();
  });
});
