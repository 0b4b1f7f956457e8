/**
 * Dependency manifests of runtimes whose dependencies `sam build` installs or compiles in: when a code
 * folder has one and no build output, its measured source is not the deployed package.
 */
import { promises as fs } from 'node:fs';

/** Manifest file names, by what reads them (pip, Poetry, Bundler, Go, Maven, Gradle, Cargo, npm). */
const MANIFESTS = ['requirements.txt', 'pyproject.toml', 'Pipfile', 'Gemfile', 'go.mod', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'Cargo.toml', 'package.json'];
/** .NET project files are named after the project. */
const PROJECT_FILE = /\.(cs|fs|vb)proj$/;

/** The manifests present at the top of a code folder, in the order above. */
export async function dependencyManifests(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const present = new Set(names);
  return [...MANIFESTS.filter((m) => present.has(m)), ...names.filter((n) => PROJECT_FILE.test(n)).sort()];
}
