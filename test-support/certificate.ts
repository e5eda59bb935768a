/**
 * A self-signed certificate made on the spot with openssl, for TLS tests: no key or
 * certificate is committed.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from './runner.ts'

export interface Certificate {
  key: string
  cert: string
  /** Path of the certificate as a PEM file, for NODE_EXTRA_CA_CERTS. */
  certPath: string
}

export function makeSelfSignedCertificate(
  commonName = 'localhost',
  altNames = 'IP:127.0.0.1,DNS:localhost'
): Certificate {
  const dir = makeTempDir('ssd-gate-tls-')
  const keyPath = join(dir, 'key.pem')
  const certPath = join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '1',
      '-subj',
      `/CN=${commonName}`,
      '-addext',
      `subjectAltName=${altNames}`
    ],
    { stdio: 'ignore' }
  )
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), certPath }
}
