import 'reflect-metadata';
// Runs before every test file: one clock zone for every run, wherever it runs.
process.env.TZ = 'UTC';
