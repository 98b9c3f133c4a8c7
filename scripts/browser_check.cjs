// Opens wirediff HTML reports in headless Chromium (playwright-core driving the system's
// Chromium) at a desktop and a phone width, takes full-page screenshots, and checks with
// the DOM that: the findings section and list are there; on the desktop every row's two
// sides start at the same height and at a phone width they stack; no element's text
// overflows its box (scrollWidth <= clientWidth) and the page never scrolls sideways;
// printed, rows are never cut and each version starts a page; nothing is fetched.
// Usage: node browser_check.cjs OUT_DIR REPORT.html... ; exits 1 on any failure.
// playwright-core is found through NODE_PATH (browser_check.sh installs it in a
// temporary folder, never in the repository).
const { chromium } = require("playwright-core");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const [outDir, ...reports] = process.argv.slice(2);
if (!outDir || reports.length === 0) {
  console.error("usage: node browser_check.cjs OUT_DIR REPORT.html...");
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
// Tallest screenshot taken, in CSS pixels (Chromium fails on much taller captures).
const MAX_SHOT = 12000;
const viewports = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

// Runs in the page under the print stylesheet: rows and findings are never cut, and
// each version's comparison starts a page.
function inspectPrint() {
  const problems = [];
  const row = document.querySelector("table.cmp tr[id]");
  if (row && getComputedStyle(row).breakInside !== "avoid") problems.push("print: rows may be cut");
  const sections = document.querySelectorAll("section.version");
  for (const s of sections) {
    if (getComputedStyle(s).breakBefore !== "page") problems.push(`print: ${s.id} shares a page`);
  }
  return problems;
}

// Runs in the page: returns a list of problems (empty when all is well).
function inspect(desktop) {
  const problems = [];
  const findings = document.querySelector("#findings");
  if (!findings) problems.push("no #findings section");
  else if (!findings.querySelector("ol.findings, p")) problems.push("findings section is empty");
  const tables = document.querySelectorAll("table.cmp:not(.folded)");
  if (tables.length === 0) problems.push("no comparison table");
  // Open the folds so their rows are laid out and checked too.
  document.querySelectorAll("details").forEach((d) => (d.open = true));
  for (const row of document.querySelectorAll("table.cmp tr[id]")) {
    const cells = row.querySelectorAll(":scope > td");
    if (cells.length !== 2) {
      problems.push(`${row.id}: ${cells.length} cells`);
      continue;
    }
    const [a, b] = [...cells].map((c) => c.getBoundingClientRect());
    if (desktop && Math.abs(a.top - b.top) > 1) {
      problems.push(`${row.id}: sides start at ${a.top} and ${b.top}`);
    }
    if (!desktop && !(b.top >= a.bottom - 1)) {
      problems.push(`${row.id}: sides do not stack at a phone width`);
    }
  }
  const textual = "td, th, li, p, h1, h2, h3, summary, dd, dt, caption";
  for (const el of document.querySelectorAll(textual)) {
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      const what = (el.id || el.closest("[id]")?.id || el.tagName).toString();
      problems.push(`text overflows its box in ${what}: ${el.scrollWidth} > ${el.clientWidth}`);
    }
  }
  const page = document.documentElement;
  if (page.scrollWidth > window.innerWidth + 1) {
    problems.push(`the page scrolls sideways: ${page.scrollWidth} > ${window.innerWidth}`);
  }
  document.querySelectorAll("details").forEach((d) => (d.open = false));
  return problems;
}

async function main() {
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  let failures = 0;
  try {
    for (const report of reports) {
      const name = path.basename(report, path.extname(report));
      for (const viewport of viewports) {
        const page = await browser.newPage({ viewport });
        const errors = [];
        page.on("pageerror", (e) => errors.push(String(e)));
        page.on("request", (r) => {
          if (!r.url().startsWith("file:")) errors.push(`fetches ${r.url()}`);
        });
        await page.goto(pathToFileURL(path.resolve(report)).href);
        const problems = [...errors, ...(await page.evaluate(inspect, viewport.name === "desktop"))];
        if (viewport.name === "desktop") {
          await page.emulateMedia({ media: "print" });
          problems.push(...(await page.evaluate(inspectPrint)));
          await page.emulateMedia({ media: "screen" });
        }
        const shot = path.join(outDir, `${name}-${viewport.name}.png`);
        // Chromium cannot capture pages taller than its largest texture: the top part.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const clip = { x: 0, y: 0, width: viewport.width, height: Math.min(height, MAX_SHOT) };
        await page.screenshot({ path: shot, fullPage: true, clip });
        const rows = await page.locator("table.cmp tr[id]").count();
        if (problems.length > 0) {
          failures += 1;
          console.error(`FAIL ${report} at ${viewport.width}px:`);
          for (const p of problems.slice(0, 20)) console.error(`  ${p}`);
          if (problems.length > 20) console.error(`  ... and ${problems.length - 20} more`);
        } else {
          console.log(`ok   ${report} at ${viewport.width}px: ${rows} rows checked, ${shot}`);
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  return failures;
}

main().then(
  (failures) => process.exit(failures > 0 ? 1 : 0),
  (error) => {
    console.error(`browser check: ${error.message}`);
    process.exit(1);
  },
);
