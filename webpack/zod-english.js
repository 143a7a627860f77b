// zod's `z` namespace re-exports every locale (40-odd languages, about 1.6 MB of source) although only English,
// the default, is ever used: the core writes its own Vietnamese messages. This plugin hands webpack a locale
// index that holds English alone, so the bundles (and the command line's start-up) carry no unused locale.
const path = require("path");
const webpack = require("webpack");

module.exports = function zodEnglishOnly() {
  return new webpack.NormalModuleReplacementPlugin(
    /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.c?js$/,
    (resource) => {
      // the CommonJS or the ES module build of zod, as the bundle resolved it
      const stub = path.resolve(
        __dirname,
        /\.cjs$/.test(resource.createData.resource) ? "zod-locales-en.cjs" : "zod-locales-en.js",
      );
      resource.request = stub;
      resource.createData.resource = stub;
    },
  );
};
