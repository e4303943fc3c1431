/**
 * The nonce the studio's editor puts on the `<style>` element it writes (CodeMirror writes its
 * styles at run time), which the built pages' Content-Security-Policy allows (astro.config.mjs).
 * It is the same on every page, so it is no secret: it only lets this one stylesheet in. Styles
 * cannot run code, and the policy's fetch limits stop a style from sending anything elsewhere.
 */
export const editorStyleNonce = 'studio-editor-styles';
