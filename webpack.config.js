// one config per host; each lives in webpack/<host>.js and takes (env, argv)
// `npm run build -- --env urlProd=https://example.org/cds/` sets the add-in's production URL
const fs = require("fs");
const path = require("path");

module.exports = (env = {}, argv = {}) =>
  ["cli", "excel", "sheets"]
    .map((name) => path.join(__dirname, "webpack", `${name}.js`))
    .filter((file) => fs.existsSync(file))
    .map((file) => require(file)(env, argv));
