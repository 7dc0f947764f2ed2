// The parts of the Frictionless team's libraries (datapackage 1.1, tableschema 1.12) and of jsonld 9 that the tests
// use: none of them ships TypeScript declarations.
declare module "datapackage" {
  export class Resource {
    readonly name: string;
    readonly descriptor: Record<string, unknown>;
    read(options?: { relations?: boolean; forceCast?: boolean; keyed?: boolean }): Promise<unknown[]>;
  }
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: Resource[];
    readonly descriptor: Record<string, unknown>;
  }
}

declare module "tableschema" {
  export class Table {
    static load(source: string, options?: { schema?: object }): Promise<Table>;
    read(options?: { forceCast?: boolean; keyed?: boolean }): Promise<unknown[]>;
  }
}

declare module "jsonld" {
  type Loader = (url: string) => Promise<never>;
  const jsonld: {
    expand(input: object, options?: { documentLoader?: Loader; safe?: boolean }): Promise<Record<string, unknown>[]>;
  };
  export default jsonld;
}
