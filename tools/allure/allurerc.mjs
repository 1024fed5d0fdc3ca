// Allure 3 configuration for run-tests.ps1 -Allure; render.ps1 passes the folders through the environment.
import { defineConfig } from "allure";

export default defineConfig({
  name: "Rator contract tests",
  output: process.env.RATOR_ALLURE_OUTPUT ?? "./allure-report",
  // A history file carried from report to report gives the trend graphs and each test's past results.
  historyPath: process.env.RATOR_ALLURE_HISTORY ?? "./history.jsonl",
  plugins: {
    awesome: {
      options: { singleFile: true, reportLanguage: "en", groupBy: ["epic", "feature", "story"] },
    },
  },
});
