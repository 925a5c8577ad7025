// An independent implementation for the verifier's interoperability test: Digital Bazaar's
// Data Integrity libraries, eddsa-rdfc-2022, fully offline (JSON-LD contexts from core's bundled
// files, DID documents from files the test writes).
//
//   node interop.mjs sign-credential   UNSIGNED.json KEY.json OUT.json
//   node interop.mjs verify-credential SIGNED.json DID-DOCUMENT.json        -> {"verified": …, "error": …}
//   node interop.mjs sign-presentation CREDENTIAL.json KEY.json CHALLENGE DOMAIN OUT.json
//
// KEY.json: {"publicKeyMultibase": "z6Mk…", "secretKeyMultibase": "z3u2…"}; the signer is that key's did:key.
// The contexts folder is taken from the environment variable CONTEXTS (core/src/main/resources/contexts).
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {JsonLdDocumentLoader} from 'jsonld-document-loader';

const read = file => JSON.parse(readFileSync(file, 'utf8'));
const contextsDir = process.env.CONTEXTS;
if(!contextsDir) {
  throw new Error('set CONTEXTS to the folder of bundled JSON-LD contexts');
}

function loader(didDocuments = []) {
  const jsonld = new JsonLdDocumentLoader();
  const index = read(path.join(contextsDir, 'index.json'));
  for(const [url, file] of Object.entries(index)) {
    jsonld.addStatic(url, read(path.join(contextsDir, file)));
  }
  for(const doc of didDocuments) {
    jsonld.addStatic(doc.id, doc);
    for(const method of doc.verificationMethod || []) {
      jsonld.addStatic(method.id, {'@context': 'https://w3id.org/security/multikey/v1', ...method});
    }
  }
  const load = jsonld.build();
  return async url => {
    try {
      return await load(url);
    } catch(e) {
      throw new Error(`offline: refusing to fetch ${url}`);
    }
  };
}

async function didKeySigner(keyFile) {
  const {publicKeyMultibase, secretKeyMultibase} = read(keyFile);
  const did = `did:key:${publicKeyMultibase}`;
  const key = await Ed25519Multikey.from({
    id: `${did}#${publicKeyMultibase}`, controller: did, publicKeyMultibase, secretKeyMultibase
  });
  return {did, suite: new DataIntegrityProof({signer: key.signer(), cryptosuite: eddsaRdfc2022})};
}

const [command, ...args] = process.argv.slice(2);
if(command === 'sign-credential') {
  const [unsigned, keyFile, out] = args;
  const {suite} = await didKeySigner(keyFile);
  const signed = await vc.issue({credential: read(unsigned), suite, documentLoader: loader()});
  writeFileSync(out, JSON.stringify(signed, null, 2));
} else if(command === 'verify-credential') {
  const [signed, didDocument] = args;
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const result = await vc.verifyCredential({
    credential: read(signed), suite, documentLoader: loader([read(didDocument)]),
    checkStatus: async () => ({verified: true})
  });
  const error = result.error ? String(result.error.errors?.map(e => e.message) ?? result.error.message) : null;
  console.log(JSON.stringify({verified: result.verified, error}));
} else if(command === 'sign-presentation') {
  const [credential, keyFile, challenge, domain, out] = args;
  const {did, suite} = await didKeySigner(keyFile);
  const presentation = vc.createPresentation({verifiableCredential: [read(credential)], holder: did, version: 2.0});
  const signed = await vc.signPresentation({presentation, suite, challenge, domain, documentLoader: loader()});
  writeFileSync(out, JSON.stringify(signed, null, 2));
} else {
  console.error('usage: node interop.mjs sign-credential|verify-credential|sign-presentation …');
  process.exit(2);
}
