// thresher._core: conversion only. Takes bytes/str, releases the GIL around
// the C++ work, converts the finished Document once. The pleasant API is
// pure Python in thresher/__init__.py.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <string_view>

#include "thresher/thresher.h"

namespace py = pybind11;

namespace {

// Options from keyword arguments; unknown names are an error. Defaults come
// from thresher::Options{} and are exported as OPTION_DEFAULTS.
thresher::Options options_from_kwargs(const py::dict& kwargs) {
  thresher::Options o;
  for (const auto& [key, value] : kwargs) {
    const std::string k = py::str(key);
    if (k == "output_format") {
      const std::string f = value.cast<std::string>();
      if (f == "text") o.output_format = thresher::OutputFormat::kText;
      else if (f == "markdown") o.output_format = thresher::OutputFormat::kMarkdown;
      else if (f == "html") o.output_format = thresher::OutputFormat::kHtml;
      else throw py::value_error("output_format must be 'text', 'markdown' or 'html', not '" + f + "'");
    }
    else if (k == "include_links") o.include_links = value.cast<bool>();
    else if (k == "include_images") o.include_images = value.cast<bool>();
    else if (k == "include_comments") o.include_comments = value.cast<bool>();
    else if (k == "include_tables") o.include_tables = value.cast<bool>();
    else if (k == "include_captions") o.include_captions = value.cast<bool>();
    else if (k == "favor_precision") o.favor_precision = value.cast<bool>();
    else if (k == "favor_recall") o.favor_recall = value.cast<bool>();
    else if (k == "max_input_bytes") o.max_input_bytes = value.cast<std::size_t>();
    else if (k == "max_nodes") o.max_nodes = value.cast<std::size_t>();
    else if (k == "max_tree_bytes") o.max_tree_bytes = value.cast<std::size_t>();
    else if (k == "max_depth") o.max_depth = value.cast<std::size_t>();
    else if (k == "max_output_bytes") o.max_output_bytes = value.cast<std::size_t>();
    else if (k == "max_jsonld_bytes") o.max_jsonld_bytes = value.cast<std::size_t>();
    else if (k == "max_jsonld_depth") o.max_jsonld_depth = value.cast<std::size_t>();
    else if (k == "max_jsonld_blocks") o.max_jsonld_blocks = value.cast<std::size_t>();
    else if (k == "timeout_ms") o.timeout_ms = value.cast<std::uint32_t>();
    else throw py::type_error("unknown option '" + k + "'; see thresher.OPTION_DEFAULTS");
  }
  return o;
}

py::dict option_defaults() {
  const thresher::Options o;
  py::dict d;
  d["output_format"] = o.output_format == thresher::OutputFormat::kMarkdown ? "markdown"
                       : o.output_format == thresher::OutputFormat::kHtml   ? "html"
                                                                             : "text";
  d["include_links"] = o.include_links;
  d["include_images"] = o.include_images;
  d["include_comments"] = o.include_comments;
  d["include_tables"] = o.include_tables;
  d["include_captions"] = o.include_captions;
  d["favor_precision"] = o.favor_precision;
  d["favor_recall"] = o.favor_recall;
  d["max_input_bytes"] = o.max_input_bytes;
  d["max_nodes"] = o.max_nodes;
  d["max_tree_bytes"] = o.max_tree_bytes;
  d["max_depth"] = o.max_depth;
  d["max_output_bytes"] = o.max_output_bytes;
  d["max_jsonld_bytes"] = o.max_jsonld_bytes;
  d["max_jsonld_depth"] = o.max_jsonld_depth;
  d["max_jsonld_blocks"] = o.max_jsonld_blocks;
  d["timeout_ms"] = o.timeout_ms;
  return d;
}

py::object none_if_empty(const std::string& s) {
  if (s.empty()) return py::none();
  return py::str(s);
}

py::dict to_dict(const thresher::Document& d) {
  py::dict out;
  out["title"] = none_if_empty(d.title);
  out["author"] = none_if_empty(d.author);
  out["authors"] = d.authors;
  out["date"] = none_if_empty(d.date);
  out["date_modified"] = none_if_empty(d.date_modified);
  out["date_time"] = none_if_empty(d.date_time);
  out["sitename"] = none_if_empty(d.sitename);
  out["description"] = none_if_empty(d.description);
  out["categories"] = d.categories;
  out["tags"] = d.tags;
  out["language"] = none_if_empty(d.language);
  out["image"] = none_if_empty(d.image);
  out["url"] = none_if_empty(d.url);
  out["hostname"] = none_if_empty(d.hostname);
  out["page_type"] = none_if_empty(d.page_type);
  out["license"] = none_if_empty(d.license);
  out["text"] = d.text;
  out["markdown"] = none_if_empty(d.markdown);
  out["html"] = none_if_empty(d.html);
  out["comments"] = none_if_empty(d.comments);
  py::dict diag;
  const auto& g = d.diagnostics;
  diag["encoding"] = g.encoding;
  diag["encoding_source"] = g.encoding_source;
  diag["double_encoded_repaired"] = g.double_encoded_repaired;
  diag["container"] = g.container;
  diag["container_score"] = g.container_score;
  diag["rules_fired"] = g.rules_fired;
  diag["field_sources"] = g.field_sources;
  diag["language_source"] = g.language_source;
  diag["empty_reason"] = g.empty_reason;
  diag["truncated"] = g.truncated;
  diag["node_count"] = g.node_count;
  out["diagnostics"] = diag;
  return out;
}

// A view of a bytes or str object's UTF-8 data; valid while the object lives.
std::string_view view_of(const py::handle& html) {
  if (py::isinstance<py::bytes>(html)) {
    char* data = nullptr;
    Py_ssize_t size = 0;
    PyBytes_AsStringAndSize(html.ptr(), &data, &size);
    return std::string_view(data, static_cast<std::size_t>(size));
  }
  if (py::isinstance<py::str>(html)) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(html.ptr(), &size);
    if (data == nullptr) throw py::error_already_set();
    return std::string_view(data, static_cast<std::size_t>(size));
  }
  throw py::type_error("html must be str or bytes, not " +
                       std::string(py::str(py::type::of(html).attr("__name__"))));
}

std::string optional_string(const py::handle& value) {
  return value.is_none() ? std::string() : value.cast<std::string>();
}

// (document dict, None) or (None, (error code name, message)).
py::tuple to_tuple(const thresher::Result<thresher::Document>& result) {
  if (!result) {
    return py::make_tuple(py::none(), py::make_tuple(thresher::error_code_name(result.error().code),
                                                      result.error().message));
  }
  return py::make_tuple(to_dict(result.value()), py::none());
}

class PyExtractor {
 public:
  explicit PyExtractor(const py::kwargs& kwargs) : extractor_(options_from_kwargs(kwargs)) {}

  py::tuple extract(const py::object& html, const py::object& url, const py::object& hint) const {
    const std::string_view view = view_of(html);
    const std::string url_s = optional_string(url);
    const std::string hint_s = optional_string(hint);
    // `html` stays referenced by the caller's frame, so `view` is valid
    // while the GIL is released.
    thresher::Result<thresher::Document> result = [&] {
      py::gil_scoped_release release;
      return extractor_.extract(view, url_s, hint_s);
    }();
    return to_tuple(result);
  }

  const thresher::Extractor& extractor() const { return extractor_; }

 private:
  thresher::Extractor extractor_;
};

// The pool behind thresher.Extractor.extract_many: submit() copies the page
// (so the Python object may go at once), next() waits with the GIL released.
class PyStream {
 public:
  PyStream(const PyExtractor& extractor, unsigned threads) : stream_(extractor.extractor(), threads) {}

  std::uint64_t submit(const py::object& html, const py::object& url, const py::object& hint) {
    return stream_.submit(std::string(view_of(html)), optional_string(url), optional_string(hint));
  }

  // (seq, (dict, error)) of the next finished page, or None when none is pending.
  py::object next() {
    std::optional<thresher::BatchStream::Finished> done;
    {
      py::gil_scoped_release release;
      done = stream_.next();
    }
    if (!done) return py::none();
    return py::make_tuple(done->seq, to_tuple(done->result));
  }

  std::size_t pending() const { return stream_.pending(); }
  unsigned threads() const { return stream_.threads(); }

 private:
  thresher::BatchStream stream_;
};

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "thresher C++ core (use the `thresher` package, not this module)";
  m.attr("__version__") = THRESHER_VERSION;
  m.attr("OPTION_DEFAULTS") = option_defaults();
  py::class_<PyExtractor>(m, "Extractor")
      .def(py::init<const py::kwargs&>())
      .def("extract", &PyExtractor::extract, py::arg("html"), py::arg("url") = py::none(),
           py::arg("encoding_hint") = py::none());
  // keep_alive: the Extractor outlives every stream that uses it.
  py::class_<PyStream>(m, "Stream")
      .def(py::init<const PyExtractor&, unsigned>(), py::arg("extractor"), py::arg("threads") = 0,
           py::keep_alive<1, 2>())
      .def("submit", &PyStream::submit, py::arg("html"), py::arg("url") = py::none(),
           py::arg("encoding_hint") = py::none())
      .def("next", &PyStream::next)
      .def_property_readonly("pending", &PyStream::pending)
      .def_property_readonly("threads", &PyStream::threads);
  m.def(
      "word_prf",
      [](std::string_view candidate, std::string_view gold) {
        thresher::WordPrf s;
        {
          py::gil_scoped_release release;
          s = thresher::word_prf(candidate, gold);
        }
        return py::make_tuple(s.precision, s.recall, s.f1);
      },
      py::arg("candidate"), py::arg("gold"),
      "Word-level (precision, recall, f1) of candidate vs. gold text (the corpus metric).");
}
