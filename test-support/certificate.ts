/**
 * A self-signed certificate made on the spot with openssl, for TLS tests: no key or
 * certificate is committed.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
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

/**
 * A self-signed certificate for 127.0.0.1 that expired in 2020. `openssl req` cannot
 * backdate, so `openssl ca` signs the request with its own key and explicit dates.
 */
export function makeExpiredCertificate(): Certificate {
  const dir = makeTempDir('ssd-gate-tls-expired-')
  const file = (name: string): string => join(dir, name)
  writeFileSync(file('index.txt'), '')
  writeFileSync(file('serial'), '01\n')
  writeFileSync(
    file('ca.cnf'),
    [
      '[ ca ]',
      'default_ca = expired',
      '[ expired ]',
      `database = ${file('index.txt')}`,
      `new_certs_dir = ${dir}`,
      `serial = ${file('serial')}`,
      'default_md = sha256',
      'policy = anything',
      'copy_extensions = copy',
      '[ anything ]',
      'commonName = supplied',
      ''
    ].join('\n')
  )
  const run = (args: string[]): void => void execFileSync('openssl', args, { stdio: 'ignore' })
  run([
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    file('key.pem'),
    '-out',
    file('req.csr'),
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost'
  ])
  run([
    'ca',
    '-config',
    file('ca.cnf'),
    '-selfsign',
    '-keyfile',
    file('key.pem'),
    '-in',
    file('req.csr'),
    '-out',
    file('cert.pem'),
    '-startdate',
    '20200101000000Z',
    '-enddate',
    '20200102000000Z',
    '-batch'
  ])
  return {
    key: readFileSync(file('key.pem'), 'utf8'),
    cert: readFileSync(file('cert.pem'), 'utf8'),
    certPath: file('cert.pem')
  }
}
