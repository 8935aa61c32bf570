"""Type stubs of the C++ extension module (use the ``thresher`` package instead)."""
from typing import Any, Dict, List, Optional, Tuple, Union

__version__: str
OPTION_DEFAULTS: Dict[str, Any]

_Error = Tuple[str, str]
_Outcome = Tuple[Optional[Dict[str, Any]], Optional[_Error]]

class Extractor:
    def __init__(self, **options: Any) -> None: ...
    def extract(self, html: Union[str, bytes], url: Optional[str] = ...,
                encoding_hint: Optional[str] = ...) -> _Outcome: ...
    def extract_batch(self, items: List[Tuple[Union[str, bytes], Optional[str], Optional[str]]],
                      threads: int = ...) -> List[_Outcome]: ...

def word_prf(candidate: str, gold: str) -> Tuple[float, float, float]: ...
