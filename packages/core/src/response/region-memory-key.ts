/**
 * The key under which a region S3 named is remembered: the hostname for virtual-hosted buckets
 * (`bucket.s3.amazonaws.com`), hostname plus bucket for path-style hosts (`s3.amazonaws.com/bucket/key`),
 * because one path-style host serves buckets in every region.
 */
export function regionMemoryKey(url: URL): string {
  const host = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname
  if (!/^s3[.-]/.test(host)) return host
  const bucket = url.pathname.split('/')[1]
  return bucket ? `${host}/${bucket.toLowerCase()}` : host
}
