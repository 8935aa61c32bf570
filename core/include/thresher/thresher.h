// Umbrella header: everything a user of thresher needs.
#pragma once

#include "thresher/batch.h"      // IWYU pragma: export
#include "thresher/batch_stream.h"  // IWYU pragma: export
#include "thresher/document.h"   // IWYU pragma: export
#include "thresher/extractor.h"  // IWYU pragma: export
#include "thresher/metric.h"     // IWYU pragma: export
#include "thresher/options.h"    // IWYU pragma: export
#include "thresher/result.h"     // IWYU pragma: export
