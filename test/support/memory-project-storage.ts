import { checkCondition, type ProjectStorage, type SavedProject } from '../../src/app/project-storage.ts';

/** Project storage in memory, with the same write conditions as IndexedDB's; values are structured-cloned as IndexedDB does, so no identity leaks through. */
export function createMemoryProjectStorage() {
  const projects = new Map<string, SavedProject>();
  const calls = { put: 0, remove: 0 };
  const storage: ProjectStorage = {
    get: async (key) => (projects.has(key) ? structuredClone(projects.get(key)) : undefined),
    put: async (project, condition) => {
      checkCondition(project.key, projects.get(project.key), condition);
      calls.put++;
      projects.set(project.key, structuredClone(project));
    },
    remove: async (key, condition) => {
      checkCondition(key, projects.get(key), condition);
      calls.remove++;
      projects.delete(key);
    },
    list: async () => [...projects.values()].map(({ transcript: _transcript, ...summary }) => structuredClone(summary)),
  };
  return { storage, projects, calls };
}
