// Whose staff an email address can belong to, against the directory as the seed loaded it: the longest listed domain
// wins, students' domains, free mail and look-alikes are told apart.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { institutionForEmail } from "@/lib/data/accounts/institution-for-email";

afterAll(async () => {
  await db().$disconnect();
});

const slugOf = async (email: string) => {
  const r = await institutionForEmail(email, "en");
  return r.kind === "institution" ? r.institution.slug : r.kind;
};

describe("institutionForEmail", () => {
  it("finds the institution of a listed domain and of its subdomains", async () => {
    expect(await slugOf("li.wei@xjtu.edu.cn")).toBe("xian-jiaotong-university");
    expect(await slugOf("li.wei@mail.XJTU.edu.cn")).toBe("xian-jiaotong-university");
    expect(await slugOf("staff@njmu.edu.cn")).toBe("nanjing-medical-university");
    expect(await slugOf("staff@cuhk.edu.cn")).toBe("chinese-university-of-hong-kong-shenzhen");
  });

  it("lets the longest listed domain win over the one it sits under", async () => {
    const hilo = await institutionForEmail("a@hilo.hawaii.edu", "en");
    expect(hilo).toMatchObject({ kind: "institution", domain: "hilo.hawaii.edu" });
    expect(hilo.kind === "institution" && hilo.institution.name).toBe("University of Hawaii at Hilo");
    const system = await institutionForEmail("a@hawaii.edu", "en");
    expect(system.kind === "institution" && system.institution.name).toBe("University of Hawaii System");
    expect(await slugOf("a@dept.manoa.hawaii.edu")).toBe(await slugOf("a@manoa.hawaii.edu"));
  });

  it("tells a students' or alumni's address apart, naming the institution", async () => {
    expect(await institutionForEmail("s@link.cuhk.edu.hk", "en")).toMatchObject({
      kind: "students",
      institution: { slug: "chinese-university-of-hong-kong" },
    });
    expect((await institutionForEmail("s@student.uts.edu.au", "en")).kind).toBe("students");
    expect(await slugOf("staff@cuhk.edu.hk")).toBe("chinese-university-of-hong-kong");
  });

  it("refuses free mail and never lets a look-alike pass", async () => {
    expect(await slugOf("a@gmail.com")).toBe("free-mail");
    expect(await slugOf("a@qq.com")).toBe("free-mail");
    expect(await slugOf("a@xjtu.edu.cn.evil.com")).toBe("unknown");
    expect(await slugOf("a@evilxjtu.edu.cn")).toBe("unknown");
    expect(await slugOf("a@xjtu.edu.cn@evil.com")).toBe("invalid");
  });
});
