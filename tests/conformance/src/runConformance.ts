// Placeholder until the conformance runner lands.
export {};
