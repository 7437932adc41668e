// Kept only for src/renderer's imports while the renderer moves to its feature folders; the
// contract of this area is src/shared/api/sync.ts. Delete once nothing imports this path.
export * from './api/sync';
