import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'cli/**/*.test.ts', 'test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
  },
});
