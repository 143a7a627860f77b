// the Excel add-in: task pane page (which also loads the custom functions: shared runtime), functions.json,
// manifest and icons, all in dist/excel/, served as the site root.
// `npm run build -- --env urlProd=https://example.org/cds/` writes that URL into dist/excel/manifest.xml.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const ROOT = path.resolve(__dirname, "..");
/** the URL manifest.xml is written with; the build replaces it with env.urlProd */
const DEV_URL = "https://localhost:3000/";

function productionUrl(env) {
  const url = (env && env.urlProd) || DEV_URL;
  return url.endsWith("/") ? url : `${url}/`;
}

function config(env, argv) {
  const mode = argv.mode || "production";
  const urlProd = productionUrl(env);
  return {
    name: "excel",
    target: "web",
    mode,
    entry: {
      functions: "./src/excel/functions.ts",
      taskpane: "./src/excel/taskpane.ts",
    },
    output: { path: path.join(ROOT, "dist", "excel"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        // ES modules, so that webpack sees zod's exports and leaves out what the core does not use
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: { transpileOnly: true, compilerOptions: { module: "es2020" } },
          exclude: /node_modules/,
        },
      ],
    },
    devtool: mode === "development" ? "source-map" : false,
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/excel/functions.ts", output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/excel/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        // the page's inline ES5 loader adds the bundles (none under Internet Explorer 11); `?hash` on each URL
        // makes an updated build load fresh bundles past any cache
        inject: false,
        hash: true,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/excel/taskpane.css", to: "taskpane.css" },
          { from: "src/excel/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().split(DEV_URL).join(urlProd),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      // everything (pages, bundles, functions.json, copied manifest and icons) is served from memory
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
    },
  };
}

module.exports = (env = {}, argv = {}) => {
  const built = config(env, argv);
  if (!env.WEBPACK_SERVE) return built;
  // only `npm run dev-server`: trusted localhost certificate from office-addin-dev-certs
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions().then((options) => ({
    ...built,
    devServer: { ...built.devServer, server: { type: "https", options } },
  }));
};

module.exports.DEV_URL = DEV_URL;
