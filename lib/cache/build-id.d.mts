/** The id in `<buildDir>/BUILD_ID`; "dev" where there is none (next dev, the integration tests). */
export function buildIdOf(buildDir: string): string;
