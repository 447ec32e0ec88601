declare module "wink-eng-lite-web-model" {
  const model: unknown;
  export default model;
}
