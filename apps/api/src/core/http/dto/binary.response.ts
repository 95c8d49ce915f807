// The OpenAPI `content` of a file download: each media type with a binary body.
type BinaryContent = Record<string, { schema: { type: 'string'; format: 'binary' } }>;

export function binaryContent(...mediaTypes: string[]): BinaryContent {
  return Object.fromEntries(mediaTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]));
}
