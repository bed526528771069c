/** Tests run the built dist/ entry points as child processes, the way users and the runner do. */
export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json" }] },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testMatch: ["<rootDir>/__tests__/**/*.test.ts"],
  modulePathIgnorePatterns: ["<rootDir>/__tests__/fixtures/", "<rootDir>/examples/", "<rootDir>/__tests__/.tmp/"],
  testTimeout: 120000,
  maxWorkers: 2,
};
